// A message made only of characters nobody can see (zero-width spaces and joiners, BOM, bidi controls, spaces) would
// show as an empty bubble in everyone's thread: it is refused with a Polish error, and nothing is stored or sent.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { call, connectAs, createLiveEvent, joinQa, next, ok, type LiveMessage } from "./live-support.js";

let app: TestServer;
const open: Socket[] = [];
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => {
  for (const s of open) s.disconnect();
  await app?.stop();
});

const invisible = [
  "\u200B\u200B\u200B", // zero-width spaces
  "\u200C\u200D\u2060", // joiners, word joiner
  "\uFEFF \u200B\uFEFF", // BOM, a space, a zero-width space
  "\u202E\u202A\u2066\u2069\u200E\u200F", // bidi controls and marks
  " \t\u00A0\u3000\u00AD", // whitespace and a soft hyphen
  "\u3164\u2800", // Hangul filler, Braille blank
];

describe("live messages made only of invisible characters", () => {
  it("are refused with a socket error in Polish, as questions, comments and edits", async () => {
    const ev = await createLiveEvent(app);
    const author = await connectAs(app, "member");
    const reader = await connectAs(app, "kalisz");
    open.push(author, reader);
    const qa = await joinQa(author, ev.id);
    await joinQa(reader, ev.id);
    let broadcasts = 0;
    reader.on("message:new", () => (broadcasts += 1));

    for (const body of invisible) {
      for (const kind of ["question", "comment"] as const) {
        const ack = await call(author, "message:send", { threadId: qa, body, kind });
        expect(ack, JSON.stringify(body)).toEqual({ ok: false, error: { code: "bad_request", message: expect.stringMatching(/niewidoczn/) } });
      }
    }
    // Plain spaces trim to nothing and keep their length message.
    expect(await call(author, "message:send", { threadId: qa, body: "   ", kind: "comment" })).toMatchObject({ ok: false, error: { message: "Wiadomość musi mieć od 1 do 2000 znaków." } });
    // Without an acknowledgement callback the error arrives as live:error.
    const error = next<{ code: string; message: string; event: string }>(author, "live:error");
    author.emit("message:send", { threadId: qa, body: "\u200B", kind: "comment" });
    expect(await error).toMatchObject({ code: "bad_request", event: "message:send", message: expect.stringMatching(/niewidoczn/) });

    // An honest message with a zero-width joiner inside an emoji still goes through, and cannot be edited to nothing.
    const sent = await ok<LiveMessage>(author, "message:send", { threadId: qa, body: "Dziękuję 👩\u200D💻", kind: "comment" });
    const edit = await call(author, "message:edit", { messageId: sent.id, body: "\u200B\u200D" });
    expect(edit).toMatchObject({ ok: false, error: { code: "bad_request" } });

    const backlog = await ok<{ messages: LiveMessage[] }>(reader, "thread:join", { threadId: qa });
    expect(backlog.messages.map((m) => m.body)).toEqual(["Dziękuję 👩\u200D💻"]);
    expect(broadcasts).toBe(1);
  });
});
