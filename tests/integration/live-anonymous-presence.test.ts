// Who is in a live room is for the people in it: an anonymous visitor of a public event learns how many are there,
// not their names and cities. Signed-in participants keep the list the room page shows them.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAs, createLiveEvent, next, ok } from "./live-support.js";

type Presence = { eventId: number; count: number; people: { id: number; name: string; city: string | null }[] };

let app: TestServer;
const open: Socket[] = [];
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => {
  for (const s of open) s.disconnect();
  await app?.stop();
});

describe("presence in a live room", () => {
  it("gives anonymous sockets the count only, on join and in every update", async () => {
    const ev = await createLiveEvent(app);
    const member = await connectAs(app, "member");
    const kalisz = await connectAs(app, "kalisz");
    const anon = await connectAs(app, null);
    open.push(member, kalisz, anon);
    await ok(member, "room:join", { eventId: ev.id });
    await ok(kalisz, "room:join", { eventId: ev.id });
    // Let the tracker publish a snapshot with both names before the anonymous visitor arrives.
    await next<Presence>(member, "presence:update", (p) => p.count === 2);

    const joined = await ok<{ presence: Presence }>(anon, "room:join", { eventId: ev.id });
    expect(joined.presence.count).toBe(2);
    expect(joined.presence.people).toEqual([]);

    const seenByAnon = next<Presence>(anon, "presence:update", (p) => p.count === 4);
    const seenByMember = next<Presence>(member, "presence:update", (p) => p.count === 4);
    const third = await connectAs(app, "ekspert");
    open.push(third);
    await ok(third, "room:join", { eventId: ev.id });
    const [a, m] = await Promise.all([seenByAnon, seenByMember]);
    expect(a).toEqual({ eventId: ev.id, count: 4, people: [] });
    expect(JSON.stringify(a)).not.toMatch(/Członkini|Kaliski|Kalisz|Dzierżoniów/);
    // Signed-in people still see who is there (the room page lists them).
    expect(m.people.map((p) => p.name).sort()).toEqual(["Maria Członkini", "Piotr Kaliski", "Tomasz Ekspert"]);
  });
});
