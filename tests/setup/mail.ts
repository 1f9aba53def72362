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

/**
 * Waits until a message matching `pred` has been written (mail goes through the job queue, so it arrives a moment
 * after the request that caused it) and returns the matching messages, oldest first.
 */
export async function waitForMail(dataDir: string, pred: (m: SentMail) => boolean, timeoutMs = 10_000): Promise<SentMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = readMail(dataDir).filter(pred);
    if (found.length) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for mail; got: ${readMail(dataDir).map((m) => `${m.to}: ${m.subject}`).join(", ")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
