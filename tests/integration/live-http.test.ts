import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../setup/http-client.js";
import { postgresUnavailableReason } from "../setup/postgres.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { connectAs, createLiveEvent, joinQa, ok, type LiveMessage } from "./live-support.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();

describe.each(dialects)("live room pages, CSV, report and FAQ (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  let app: TestServer;
  let ev: { id: number; slug: string };
  let question: LiveMessage;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (skip) return;
    app = await startTestServer({ dialect });
    ev = await createLiveEvent(app);
    const member = await connectAs(app, "member");
    const mod = await connectAs(app, "moderator");
    sockets.push(member, mod);
    const qa = await joinQa(member, ev.id);
    await joinQa(mod, ev.id);
    question = await ok<LiveMessage>(member, "message:send", { threadId: qa, body: "=HYPERLINK(\"http://zły.example\") czy [link](javascript:alert(1)) działa?", kind: "question" });
    await ok(mod, "message:vote", { messageId: question.id, value: 1 });
    await ok(member, "message:send", { threadId: qa, body: "Drugie, bez odpowiedzi", kind: "question" });
    await ok(mod, "message:moderate", { messageId: question.id, action: "answer", answer: "Nie – *tekst* zostaje tekstem." });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
  });

  it.skipIf(skip)("shows the room and the presenter view to everyone; onsite events have none", async () => {
    const anon = await signedIn(app.url, null);
    const room = await anon.html(`/wydarzenia/${ev.slug}/na-zywo`);
    expect(room.status).toBe(200);
    expect(room.html).toContain("Na żywo:");
    expect((await anon.html(`/wydarzenia/${ev.slug}/na-zywo/prezenter`)).status).toBe(200);
    const onsite = await createLiveEvent(app, { format: "onsite" });
    expect((await anon.html(`/wydarzenia/${onsite.slug}/na-zywo`)).status).toBe(404);
    const page = await anon.html(`/wydarzenia/${ev.slug}`);
    expect(page.html).toContain(`/wydarzenia/${ev.slug}/na-zywo`);
  });

  it.skipIf(skip)("CSV export and report follow the permission matrix", async () => {
    const expected = { null: 302, member: 403, moderator: 200, admin: 200 } as const;
    for (const who of [null, "member", "moderator", "admin"] as const) {
      const c = await signedIn(app.url, who);
      for (const path of [`/wydarzenia/${ev.slug}/na-zywo/pytania.csv`, `/wydarzenia/${ev.slug}/na-zywo/raport`]) {
        const res = await c.get(path);
        expect(res.status, `${who} ${path}`).toBe(expected[String(who) as keyof typeof expected]);
      }
    }
  });

  it.skipIf(skip)("exports questions with votes and answers, neutralising spreadsheet formulas", async () => {
    const c = await signedIn(app.url, "moderator");
    const res = await c.get(`/wydarzenia/${ev.slug}/na-zywo/pytania.csv`);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://zły.example"")`);
    expect(lines[1]).toContain('"1","tak","Nie – *tekst* zostaje tekstem."');
    expect(lines[2]).toContain('"Drugie, bez odpowiedzi"');
  });

  it.skipIf(skip)("reports peak participants, messages, questions and the share answered", async () => {
    const c = await signedIn(app.url, "admin");
    // Presence (and so the recorded peak) is sampled about once a second after people join.
    const peak = /Najwięcej osób jednocześnie<\/dt><dd[^>]*>2</;
    let page = await c.html(`/wydarzenia/${ev.slug}/na-zywo/raport`);
    for (let i = 0; i < 30 && !peak.test(page.html); i++) {
      await new Promise((r) => setTimeout(r, 100));
      page = await c.html(`/wydarzenia/${ev.slug}/na-zywo/raport`);
    }
    expect(page.html).toMatch(peak);
    expect(page.html).toContain("50%");
  });

  it.skipIf(skip)("publishes answered questions as an FAQ in the library, linked to the event, with text kept as text", async () => {
    const member = await signedIn(app.url, "member");
    await member.get(`/`);
    expect((await member.post(`/wydarzenia/${ev.slug}/na-zywo/raport`, {})).status).toBe(403);
    const mod = await signedIn(app.url, "moderator");
    await mod.get(`/wydarzenia/${ev.slug}/na-zywo/raport`);
    expect((await mod.post(`/wydarzenia/${ev.slug}/na-zywo/raport`, {}, { csrf: "forged" })).status).toBe(403);
    const res = await mod.post(`/wydarzenia/${ev.slug}/na-zywo/raport`, {});
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/biblioteka\//);
    const item = await app.services.db.db.selectFrom("libraryItems").selectAll().where("slug", "=", location.split("/").pop()!).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ status: "published", eventId: ev.id, kind: "material" });
    expect(item.bodyText).toContain("Nie – *tekst* zostaje tekstem.");
    expect(item.bodyHtml).not.toMatch(/href="javascript/i);
    expect(item.bodyHtml).toContain("(javascript:alert(1))"); // shown as the text it was
    expect(item.bodyHtml).not.toMatch(/<em>tekst<\/em>/);
    expect(item.bodyText).not.toContain("Drugie, bez odpowiedzi");
    const shown = await mod.html(location);
    expect(shown.status).toBe(200);
  });
});
