import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type SentMail = { to: string; subject: string; text: string };

/** Messages the file mailer wrote under <dataDir>/mail, oldest first. */
export function readMail(dataDir: string): SentMail[] {
  const dir = path.join(dataDir, "mail");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as SentMail);
}
