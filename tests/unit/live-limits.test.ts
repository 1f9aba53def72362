// The lengths a live room accepts are one set of constants (domain/live-limits.ts): the server refuses exactly what
// the browser's fields would not let anyone type, so nobody writes a message the server then turns away.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { live } from "../../domain/i18n/pl/live.js";
import { LIVE_MESSAGE_MAX, LIVE_REASON_MAX, LIVE_THREAD_TITLE_MAX } from "../../domain/live-limits.js";
import { clientSchemas } from "../../server/live/protocol.js";

const ok = (event: keyof typeof clientSchemas, payload: unknown) => clientSchemas[event].safeParse(payload).success;

describe("live text limits", () => {
  it("let the server take text up to each limit and refuse one character more", () => {
    const at = (n: number) => "a".repeat(n);
    expect(ok("message:send", { threadId: 1, body: at(LIVE_MESSAGE_MAX), kind: "comment" })).toBe(true);
    expect(ok("message:send", { threadId: 1, body: at(LIVE_MESSAGE_MAX + 1), kind: "comment" })).toBe(false);
    expect(ok("message:edit", { messageId: 1, body: at(LIVE_MESSAGE_MAX + 1) })).toBe(false);
    expect(ok("message:moderate", { messageId: 1, action: "answer", answer: at(LIVE_MESSAGE_MAX) })).toBe(true);
    expect(ok("message:moderate", { messageId: 1, action: "answer", answer: at(LIVE_MESSAGE_MAX + 1) })).toBe(false);
    expect(ok("thread:create", { eventId: 1, title: at(LIVE_THREAD_TITLE_MAX) })).toBe(true);
    expect(ok("thread:create", { eventId: 1, title: at(LIVE_THREAD_TITLE_MAX + 1) })).toBe(false);
    expect(ok("message:moderate", { messageId: 1, action: "hide", reason: at(LIVE_REASON_MAX) })).toBe(true);
    expect(ok("participant:remove", { eventId: 1, userId: 2, reason: at(LIVE_REASON_MAX + 1) })).toBe(false);
  });

  it("are the browser fields' maxLength, never a number written into a live component", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/components");
    const files = readdirSync(dir).filter((f) => f.startsWith("live-") && f.endsWith(".tsx"));
    const fields = files.flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/maxLength=\{([^}]+)\}/g)].map((m) => `${f}: ${m[1]}`));
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const field of fields) expect(field).toMatch(/: (LIVE_MESSAGE_MAX|LIVE_THREAD_TITLE_MAX|LIVE_REASON_MAX|maxLength)$/);
  });

  it("name the message limit in the Polish refusal", () => {
    expect(live.errors.body).toContain(String(LIVE_MESSAGE_MAX));
  });
});
