import path from "node:path";

/**
 * The database the process talks to, from the environment alone: `DATABASE_URL`, else a SQLite file in `DATA_DIR`
 * (default ./data). Both the server's configuration and the CLIs read it here, so a CLI needs nothing of the server.
 */
export function databaseUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (url) return url;
  return `sqlite:${path.join(path.resolve(env.DATA_DIR || "./data"), "frl.db")}`;
}
