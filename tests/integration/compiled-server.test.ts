// `npm start` runs the server compiled by `npm run build` (build/node/, scripts/build-server.ts) under plain node.
// This starts that output as production does and uses it as a reader would: pages, a search (answered by the search
// thread, which must load its compiled entry), agenda co-editing (served by the /collab process, which must load its
// compiled entry too), and a clean SIGTERM. `npm test` builds before vitest runs.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/index.js";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const entry = path.resolve("build/node/server/index.js");
let child: ChildProcessWithoutNullStreams;
let base = "";
let output = "";
let dataDir = "";

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  dataDir = mkdtempSync(path.join(tmpdir(), "frl-compiled-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [entry], {
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "compiled-server-test-".padEnd(48, "x"), PUBLIC_URL: base, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", FRL_DEMO: "1", LOG_LEVEL: "info" },
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("działa na")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the compiled server exited early (${code}): ${output}`)));
  });
}, 60_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the compiled server (npm start)", () => {
  it("finds every file its modules import, including those imported only on first use", () => {
    const missing: string[] = [];
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const modules = walk(path.dirname(path.dirname(entry))).filter((f) => f.endsWith(".js"));
    for (const file of modules) {
      const code = readFileSync(file, "utf8");
      // Static imports and re-exports, import(), and files resolved with new URL(…, import.meta.url).
      for (const m of code.matchAll(/(?:from\s*|import\s*\(\s*|new URL\(\s*)"(\.{1,2}\/[^"]+)"/g)) {
        // A .ts target is a file a dev tool writes (the town list's generator), not one the server loads.
        if (m[1].endsWith(".ts")) continue;
        if (!existsSync(path.resolve(path.dirname(file), m[1]))) missing.push(`${path.relative(".", file)} → ${m[1]}`);
      }
    }
    expect(modules.length).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });

  it("serves the home page and the library", async () => {
    for (const page of ["/", "/biblioteka", "/wydarzenia"]) {
      const res = await fetch(base + page);
      expect(res.status, page).toBe(200);
      expect(await res.text(), page).toContain('<html lang="pl"');
    }
  });

  it("answers a library search through its search thread", async () => {
    const html = await (await fetch(`${base}/biblioteka?q=${encodeURIComponent("mieszkania")}`)).text();
    const count = /Wyniki dla „mieszkania”: (\d+)/.exec(html);
    expect(count, "the results heading").not.toBeNull();
    expect(Number(count![1])).toBeGreaterThan(0);
  });

  it("serves agenda co-editing from its /collab process: two people edit one programme live", async () => {
    // A new event with the default co-design settings, written next to the running server (SQLite in WAL mode).
    const db = createDb(`sqlite:${path.join(dataDir, "frl.db")}`);
    const eventId = await createAgendaEvent(db).finally(() => db.close());
    const docName = `agenda:${eventId}`;
    const a = connectAgenda(base, docName, await cookieOf(base, "member"));
    const b = connectAgenda(base, docName, await cookieOf(base, "moderator"));
    try {
      await Promise.all([a.synced, b.synced]);
      agendaRoots(a.doc).sessions.push([createSessionMap({ id: "s1", title: "Otwarcie" })]);
      await eventually(() => agendaRoots(b.doc).sessions.length === 1, "the moderator sees the member's session");
      expect(a.access.at(-1)).toBe("edit");
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("exits 0 on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/ERR_MODULE_NOT_FOUND|ERR_UNKNOWN_FILE_EXTENSION/);
  }, 20_000);
});
