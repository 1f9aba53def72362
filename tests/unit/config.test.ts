import { mkdtempSync, readFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "frl-config-"));

describe("configuration from the environment", () => {
  it("starts with embedded defaults: SQLite under ./data, port 3000, embedded search, a kept session secret", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe(`sqlite:${path.join(dir, "frl.db")}`);
    expect(config.searchEngine).toBe("embedded");
    expect(config.demo).toBe(true);
    expect(config.sessionSecret).toBe(readFileSync(path.join(dir, "session-secret"), "utf8"));
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it.each([
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ SEARCH_ENGINE: "elastic" }, "SEARCH_ENGINE"],
    [{ SEARCH_ENGINE: "meilisearch" }, "MEILI_URL"],
    [{ NODE_ENV: "production", FRL_DEMO: "0" }, "SESSION_SECRET"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ NODE_ENV: "production", FRL_DEMO: "0", SESSION_SECRET: "s".repeat(32) }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "https://frl.example.pl/sciezka" }, "PUBLIC_URL"],
    [{ STREAM_HOSTS: "http://stream.example.pl" }, "STREAM_HOSTS"],
    [{ SEARCH_THREADS: "many" }, "SEARCH_THREADS"],
    [{ SEARCH_THREADS: "17" }, "SEARCH_THREADS"],
  ])("refuses %o with a message naming %s", (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`^Invalid configuration:\\n.*${variable}:`, "s"));
  });

  it("accepts PostgreSQL and Redis URLs for scale-out", () => {
    const c = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://u@db:5432/frl", REDIS_URL: "redis://cache:6379", FRL_DEMO: "0" });
    expect(c.databaseUrl).toBe("postgres://u@db:5432/frl");
    expect(c.redisUrl).toBe("redis://cache:6379");
    expect(c.demo).toBe(false);
  });

  it("searches on the main thread by default, on one thread per core (up to 4) in production, or as set", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).searchThreads).toBe(0);
    const production = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" }).searchThreads;
    expect(production).toBe(Math.min(4, os.availableParallelism()));
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEARCH_THREADS: "0" }).searchThreads).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), SEARCH_THREADS: "3" }).searchThreads).toBe(3);
  });
});
