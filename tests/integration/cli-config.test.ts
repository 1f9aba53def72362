// The command-line tools read only the variables they use (server/cli-config.ts): a deployment's bad PUBLIC_URL or
// SMTP_URL, which only the server needs, must not stop an import or a reindex, and a CLI run must not leave the
// server's session secret behind in DATA_DIR. Real processes, spawned with tsx against a fresh SQLite data folder.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { library } from "../../domain/i18n/pl/library.js";
import { surveys } from "../../domain/i18n/pl/surveys.js";
import { ConfigError } from "../../server/config.js";
import { loadCliConfig } from "../../server/cli-config.js";
import { runCli, type CliRun } from "../setup/run-cli.js";


const dataDir = mkdtempSync(path.join(tmpdir(), "frl-cli-config-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Variables only the server reads, each invalid: loadConfig() would refuse them.
const serverOnlyBad = { PUBLIC_URL: "ftp://frl.example.pl/sciezka", SMTP_URL: "poczta.example.pl", REDIS_URL: "localhost:6379", SESSION_SECRET: "short" };

function runCliHere(script: string, args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "error", FRL_DEMO: "0", DATA_DIR: dataDir, ...serverOnlyBad };
  delete env.DATABASE_URL;
  delete env.SEARCH_ENGINE;
  return runCli(script, args, env);
}

describe("command-line tools read only their own configuration", () => {
  it("library:import runs with an invalid PUBLIC_URL and SMTP_URL set, and writes no session secret", async () => {
    const file = path.join(dataDir, "items.jsonl");
    writeFileSync(file, JSON.stringify({ externalId: "cli-cfg-1", slug: "cli-cfg-1", kind: "publication", title: "Rewitalizacja rynku", summary: "Import z wiersza poleceń.", areas: ["gospodarka"], year: 2024 }));
    const out = await runCliHere("server/library/import-cli.ts", [file, "--dry-run"]);
    expect(out.stderr).not.toContain("Invalid configuration");
    expect(out.stdout).toContain(library.import.dryRunNote);
    expect(out.code).toBe(0);
    expect(existsSync(path.join(dataDir, "frl.db"))).toBe(true);
    expect(existsSync(path.join(dataDir, "session-secret"))).toBe(false);
  }, 60_000);

  it("search:reindex rebuilds the index under the same variables", async () => {
    const out = await runCliHere("server/search/reindex-cli.ts", []);
    expect(out.stderr).not.toContain("Invalid configuration");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Przebudowano indeks \(embedded\)/);
    expect(existsSync(path.join(dataDir, "session-secret"))).toBe(false);
  }, 60_000);

  it("survey:import reaches the file (and names its problems) under the same variables", async () => {
    const file = path.join(dataDir, "survey.json");
    writeFileSync(file, "{}");
    const out = await runCliHere("server/surveys/import-cli.ts", [file]);
    expect(out.stderr).not.toContain("Invalid configuration");
    expect(out.stderr).toContain(surveys.import.invalid);
    expect(existsSync(path.join(dataDir, "session-secret"))).toBe(false);
  }, 60_000);

  it("still refuses a bad variable the CLI does use", () => {
    expect(() => loadCliConfig({ DATA_DIR: dataDir, DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => loadCliConfig({ DATA_DIR: dataDir, SEARCH_ENGINE: "meilisearch" })).toThrow(/MEILI_URL/);
    expect(loadCliConfig({ DATA_DIR: dataDir, ...serverOnlyBad }).databaseUrl).toBe(`sqlite:${path.join(dataDir, "frl.db")}`);
  });
});
