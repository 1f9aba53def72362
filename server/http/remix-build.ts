import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

/** Path of the Remix server build (FRL_BUILD_DIR lets parallel test runs use separate builds). */
export function buildPath(): string {
  return path.resolve(process.env.FRL_BUILD_DIR ?? "build", "index.js");
}

/** Imports the server build; in development re-imports it whenever the file changes, so reloads keep sockets open. */
export function remixBuildLoader(dev: boolean): () => Promise<ServerBuild> {
  const file = buildPath();
  let cached: { mtime: number; build: Promise<ServerBuild> } | undefined;
  return async () => {
    if (!existsSync(file)) throw new Error(`Remix build not found at ${file}. Run \`npm run build\` first.`);
    const mtime = dev ? statSync(file).mtimeMs : 0;
    if (!cached || cached.mtime !== mtime) {
      cached = { mtime, build: import(pathToFileURL(file).href + (dev ? `?t=${mtime}` : "")) as Promise<ServerBuild> };
    }
    return cached.build;
  };
}
