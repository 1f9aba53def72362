// Issue 14: the public read API for networks, events and cities, described in /api/openapi.json, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../setup/dialects.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

describe.each(await dialects())("networks, events and cities API (%s)", (dialect) => {
  let app: TestServer;
  const get = async (path: string) => {
    const res = await fetch(app.url + path);
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  it("/api/networks lists networks with areas, leader, members and the next meeting", async () => {
    const { status, body } = await get("/api/networks");
    expect(status).toBe(200);
    const n = body.networks.find((x: any) => x.slug === "lokalna-energia");
    expect(n).toMatchObject({ name: "Lokalna energia", areas: ["srodowisko-klimat", "smart-city"], leader: { slug: "kalisz", name: "Kalisz" } });
    expect(n.members).toContainEqual({ slug: "kalisz", name: "Kalisz" });
    expect(Date.parse(n.nextMeeting.startsAt)).toBeGreaterThan(Date.now() - 86400_000);
  });

  it("/api/networks/{slug} gives the public page only; unknown and malformed slugs get Polish errors", async () => {
    const { status, body } = await get("/api/networks/zmiany-demograficzne");
    expect(status).toBe(200);
    expect(body.meetings).toHaveLength(12);
    expect(body.formerMembers.map((c: any) => c.slug)).toContain("gorlice");
    expect(body).not.toHaveProperty("agreements");
    expect(body.materials.length).toBeGreaterThan(0);
    const nope = await get("/api/networks/nie-ma");
    expect(nope.status).toBe(404);
    expect(nope.body.error.message).toMatch(/sieci/);
    expect((await get("/api/networks/ZŁY%20slug")).status).toBe(400);
  });

  it("/api/events pages and filters by kind, area, dates and network", async () => {
    const meetings = await get("/api/events?kind=network_meeting&network=zmiany-demograficzne&from=2027-01-01&to=2028-01-01&perPage=2");
    expect(meetings.status).toBe(200);
    expect(meetings.body.total).toBe(4);
    expect(meetings.body.events).toHaveLength(2);
    expect(meetings.body.events[0].network).toEqual({ slug: "zmiany-demograficzne", name: "Zmiany demograficzne" });
    const second = await get("/api/events?kind=network_meeting&network=zmiany-demograficzne&from=2027-01-01&to=2028-01-01&perPage=2&page=2");
    expect(second.body.events.map((e: any) => e.slug)).not.toContain(meetings.body.events[0].slug);
    const area = await get("/api/events?area=demografia&perPage=100");
    expect(area.body.events.every((e: any) => e.areas.includes("demografia"))).toBe(true);
    const bad = await get("/api/events?kind=piknik");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "bad_parameter", parameter: "kind" });
  });

  it("/api/cities pages and filters by voivodeship, name and network", async () => {
    const wlkp = await get("/api/cities?voivodeship=wielkopolskie&perPage=5");
    expect(wlkp.status).toBe(200);
    expect(wlkp.body.events).toBeUndefined();
    expect(wlkp.body.cities).toHaveLength(5);
    expect(wlkp.body.total).toBeGreaterThan(5);
    expect(wlkp.body.cities.every((c: any) => c.voivodeship === "wielkopolskie")).toBe(true);
    const byName = await get("/api/cities?q=dzierzon");
    expect(byName.body.cities.map((c: any) => c.slug)).toContain("dzierzoniow");
    const members = await get("/api/cities?network=lokalna-energia&perPage=100");
    expect(members.body.total).toBe(8);
    expect((await get("/api/cities?perPage=1000")).status).toBe(400);
  });

  it("/api/openapi.json describes the new operations", async () => {
    const { body } = await get("/api/openapi.json");
    for (const p of ["/api/networks", "/api/networks/{slug}", "/api/events", "/api/cities", "/api/search"]) expect(body.paths).toHaveProperty([p]);
    expect(body.components.schemas).toHaveProperty("NetworkList");
  });
});
