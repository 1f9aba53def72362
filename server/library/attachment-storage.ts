import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/** Where attachment bytes live; a local folder by default, an object store could implement the same four methods. */
export interface AttachmentStorage {
  put(bytes: Uint8Array, extension: string): Promise<string>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
  /** Absolute location, for diagnostics and tests. */
  describe(key: string): string;
}

const KEY = /^[0-9a-f]{32}\.(pdf|docx|pptx|xlsx)$/;

/** Files under <dataDir>/uploads with random names, so a user-chosen name never reaches the file system. */
export function createDiskStorage(dataDir: string): AttachmentStorage {
  const root = path.join(dataDir, "uploads");
  const locate = (key: string) => {
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return path.join(root, key);
  };
  return {
    async put(bytes, extension) {
      await mkdir(root, { recursive: true });
      const key = `${randomBytes(16).toString("hex")}.${extension}`;
      await writeFile(locate(key), bytes, { flag: "wx" });
      return key;
    },
    open: (key) => createReadStream(locate(key)),
    remove: (key) => rm(locate(key), { force: true }),
    describe: locate,
  };
}
