import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; raw: string; parsed: ParsedMail };

/**
 * A real SMTP server on loopback (smtp-server) that keeps what it receives. `failNext(n)` answers the next n messages
 * with a temporary 451, as a busy mail server would, so retries can be tested.
 */
export async function startSmtpSink(): Promise<{ url: string; received: Received[]; failNext: (n: number) => void; waitFor: (pred: (r: Received[]) => boolean, timeoutMs?: number) => Promise<void>; close: () => Promise<void> }> {
  const received: Received[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = new Error("Try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n) => {
      failures = n;
    },
    async waitFor(pred, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!pred(received)) {
        if (Date.now() > until) throw new Error(`timed out waiting for mail; got: ${received.map((r) => `${r.to}: ${r.parsed.subject}`).join(", ")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
