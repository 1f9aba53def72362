// Issue 14: a network's discussion live and searchable, and its notifications, on SQLite and PostgreSQL. A member's
// socket joins the network's room after the permission check and receives new threads and replies; a non-member is
// refused; a city leaving removes its people from the room at once. The discussion search returns only the network's
// own posts, to members only. Replies notify the thread's people (not the replier); agreements due remind the owner
// city's representatives through the durable job queue, by mail over real SMTP.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import type { NetworkJoinAck, NetworkPostEvent } from "../../domain/network-live-protocol.js";
import type { Actor } from "../../server/auth/permissions.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startSmtpSink } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { cookieFor, type Who } from "./live-support.js";

const NET = "zmiany-demograficzne";

async function actorOf(app: TestServer, email: string): Promise<Actor & { name: string; email: string }> {
  const u = (await findUserByEmail(app.services.db.db, email))!;
  return { id: u.id, role: u.role, cityId: u.verifiedCityId, name: u.name, email: u.email };
}

async function until<T>(fn: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(await dialects())("network discussion live, search and notifications (%s)", (dialect) => {
  let app: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let networkId: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestServer({ dialect, env: { SMTP_URL: smtp.url, JOBS_POLL_MS: "100" } });
    networkId = (await app.services.networks.summary(NET))!.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
    await smtp?.close();
  });

  async function connect(who: Who): Promise<Socket> {
    const cookie = await cookieFor(app, who);
    const s = io(`${app.url}/sieci`, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, forceNew: true, reconnection: false });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", (e) => reject(e));
    });
    return s;
  }
  const join = (s: Socket, id = networkId) => s.emitWithAck("network:join", { networkId: id }) as Promise<NetworkJoinAck>;
  const collect = (s: Socket) => {
    const got: NetworkPostEvent[] = [];
    s.on("network:post", (e: NetworkPostEvent) => got.push(e));
    return got;
  };

  it("a member receives a new thread and a reply live; a non-member cannot join the room and hears nothing", async () => {
    const member = await connect("member");
    const outsider = await connect("kalisz");
    expect(await join(member)).toEqual({ ok: true });
    expect(await join(outsider)).toEqual({ ok: false, error: "forbidden" });
    expect(await join(member, 99_999)).toEqual({ ok: false, error: "not_found" });
    expect(await member.emitWithAck("network:join", { networkId: "x" })).toEqual({ ok: false, error: "bad_request" });
    await expect(connect(null)).rejects.toThrow(/unauthorized/);
    const heard = collect(member);
    const outsiderHeard = collect(outsider);

    const expert = await actorOf(app, "ekspert@frl.test");
    const threadId = await app.services.networks.startThread(expert, NET, "Ankieta mieszkaniowa", "Czy ktoś robił już ankietę o potrzebach mieszkaniowych?");
    await app.services.networks.reply(expert, NET, threadId, "Dodam jeszcze: chodzi o seniorów.");
    await until(async () => heard.length >= 2);
    expect(heard.map((e) => [e.newThread, e.threadTitle, e.post.body])).toEqual([
      [true, "Ankieta mieszkaniowa", "Czy ktoś robił już ankietę o potrzebach mieszkaniowych?"],
      [false, "Ankieta mieszkaniowa", "Dodam jeszcze: chodzi o seniorów."],
    ]);
    expect(heard[1].post.authorName).toBe(expert.name);
    // Another network's posts do not reach this room.
    const energy = (await app.services.networks.summary("lokalna-energia"))!;
    const admin = await actorOf(app, "admin@frl.test");
    await app.services.networks.startThread(admin, energy.slug, "Magazyny energii", "Inny temat.");
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toHaveLength(2);
    expect(outsiderHeard).toEqual([]);
  });

  it("the discussion search finds the network's own posts only, and only for members", async () => {
    const expert = await actorOf(app, "ekspert@frl.test");
    const admin = await actorOf(app, "admin@frl.test");
    await app.services.networks.startThread(expert, NET, "Termomodernizacja szkół", "Wałbrzych porównuje oferty na pompy ciepła.");
    await app.services.networks.startThread(admin, "lokalna-energia", "Pompy w innej sieci", "Ten wpis o pompach ciepła należy do innej sieci.");
    await app.services.search.indexer.waitUntilEmpty(30_000);
    const member: TestClient = await signedIn(app.url, "member");
    const { status, html } = await member.html(`/sieci/${NET}?szukaj=${encodeURIComponent("pompy ciepła")}`);
    expect(status).toBe(200);
    expect(html).toContain("Wyniki wyszukiwania w dyskusji");
    expect(html).toContain("Termomodernizacja szkół");
    expect(html).toContain("<mark>");
    expect(html).not.toContain("Pompy w innej sieci");
    expect(html).not.toContain("należy do innej sieci");
    // Inflected forms match (stems), as in the rest of the site's search.
    expect((await member.html(`/sieci/${NET}?szukaj=${encodeURIComponent("pompami")}`)).html).toContain('href="#thread-');
    const outsider = await signedIn(app.url, null);
    await outsider.login("kalisz@frl.test");
    const other = (await outsider.html(`/sieci/${NET}?szukaj=${encodeURIComponent("pompy ciepła")}`)).html;
    expect(other).not.toContain("Termomodernizacja szkół");
    expect(other).not.toContain("Wyniki wyszukiwania w dyskusji");
    // The library's public search never returns discussion posts.
    const api = (await (await outsider.get(`/api/search?q=${encodeURIComponent("pompy ciepła")}`)).json()) as { hits: { url: string }[] };
    expect(api.hits.some((h) => h.url.startsWith("/sieci/"))).toBe(false);
    expect((await member.html(`/szukaj?q=${encodeURIComponent("pompy ciepła")}`)).html).not.toContain("Termomodernizacja szkół");
  });

  it("a reply notifies the thread's author and participants but not the replier", async () => {
    const member = await actorOf(app, "member@frl.test");
    const expert = await actorOf(app, "ekspert@frl.test");
    const moderator = await actorOf(app, "moderator@frl.test");
    const threadId = await app.services.networks.startThread(member, NET, "Wspólny wniosek", "Kto dołączy do wspólnego wniosku?");
    await app.services.networks.reply(moderator, NET, threadId, "Ja pomogę z budżetem.");
    await app.services.networks.reply(expert, NET, threadId, "Ja też się dołączę.");
    const kinds = async (id: number) => (await app.services.notifications.list(id)).filter((n) => n.kind === "network_reply").map((n) => n.title);
    // The author heard of both replies, the moderator of the expert's; the expert (last replier) of none.
    expect(await kinds(member.id!)).toHaveLength(2);
    expect((await kinds(member.id!))[0]).toContain("Wspólny wniosek");
    expect(await kinds(moderator.id!)).toHaveLength(1);
    expect(await kinds(expert.id!)).toEqual([]);
  });

  it("an agreement due soon reminds the owner city's verified representatives through the job queue, by mail", async () => {
    const member = await actorOf(app, "member@frl.test");
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await app.services.networks.recordAgreement(member, NET, { title: "Dzierżoniów prześle dane do raportu", ownerCityId: member.cityId, eventId: null, dueOn: due });
    const notes = await until(async () => {
      const list = (await app.services.notifications.list(member.id!)).filter((n) => n.kind === "network_agreement_due");
      return list.length ? list : false;
    });
    expect(notes[0].title).toContain("Dzierżoniów prześle dane do raportu");
    await smtp.waitFor((r) => r.some((m) => m.to.includes(member.email) && (m.parsed.subject ?? "").includes("Zbliża się termin ustalenia")));
    // Nobody outside the owner city is reminded.
    const kalisz = await actorOf(app, "kalisz@frl.test");
    expect((await app.services.notifications.list(kalisz.id!)).some((n) => n.kind === "network_agreement_due")).toBe(false);
  });

  it("a city leaving the network removes its people from the room at once", async () => {
    const member = await connect("member");
    expect(await join(member)).toEqual({ ok: true });
    const heard = collect(member);
    const revoked = new Promise<{ networkId: number }>((resolve) => member.once("network:revoked", resolve));
    const admin = await actorOf(app, "admin@frl.test");
    await app.services.networks.removeCity(admin, NET, "dzierzoniow");
    expect(await revoked).toEqual({ networkId });
    await app.services.networks.startThread(admin, NET, "Po wyjściu miasta", "Tego Dzierżoniów już nie usłyszy.");
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    expect(await join(member)).toEqual({ ok: false, error: "forbidden" });
  });
});
