// What the server process holds from start-up (issue 16): MJML (mail), exceljs (survey export) and the zxcvbn
// dictionaries (password checks) are about 30 MB of heap that every collection has to walk, so they load on first use;
// Tiptap and y-indexeddb run only in the browser and stay out of the server build. A child process imports the compiled
// server (build/node/, npm run build) and its Remix build under plain node, as `npm start` runs them, and lists the
// CommonJS packages that got loaded.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildPath } from "../../server/http/remix-build.js";

// redis, its socket.io adapter, pg-boss and pg are needed only with REDIS_URL or PostgreSQL (the default here is
// neither), nodemailer only with SMTP_URL (by default mail is written to files).
const LAZY = ["mjml", "exceljs", "@zxcvbn-ts/core", "@zxcvbn-ts/language-pl", "redis", "@socket.io/redis-streams-adapter", "pg-boss", "pg", "nodemailer"];

function loadedAfter(script: string): string[] {
  const code = `
    import { createRequire } from "node:module";
    import { pathToFileURL } from "node:url";
    await import("./build/node/server/create-app.js");
    await import(pathToFileURL(${JSON.stringify(buildPath())}).href);
    ${script}
    const loaded = Object.keys(createRequire(import.meta.url).cache).map((f) => f.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//)?.[1]).filter(Boolean);
    console.log(JSON.stringify([...new Set(loaded)]));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: process.cwd(), encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as string[];
}

describe("heavy server modules load on first use", () => {
  it("starts without MJML, exceljs or the zxcvbn dictionaries, and loads the dictionaries for the first password check", () => {
    const atStart = loadedAfter("");
    for (const name of LAZY) expect(atStart, name).not.toContain(name);
    // The lazy path works: the first check loads them, still refuses a weak password and accepts a strong one.
    const afterCheck = loadedAfter(`
      const { passwordWeakness } = await import("./build/node/server/auth/password-strength.js");
      if (!passwordWeakness("password1234")) throw new Error("a weak password passed");
      if (passwordWeakness("Wąwóz-kormoran-83-szkło") !== null) throw new Error("a strong password was refused");`);
    expect(afterCheck).toContain("@zxcvbn-ts/language-pl");
  }, 60_000);

  it("keeps the browser-only editor (Tiptap) and offline storage (y-indexeddb) out of the server build", () => {
    const build = readFileSync(buildPath(), "utf8");
    const imported = [...build.matchAll(/^import [^;]*?from "([^"]+)"/gm)].map((m) => m[1]);
    expect(imported).toContain("yjs");
    expect(imported.filter((s) => s.startsWith("@tiptap/") || s === "y-indexeddb" || LAZY.includes(s))).toEqual([]);
  });
});
