import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { readMail, waitForMail } from "../setup/mail.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const eventData = (slug: string) => `/wydarzenia/${slug}?_data=${encodeURIComponent("routes/wydarzenia.$slug")}`;
const liveData = (slug: string) => `/wydarzenia/${slug}/na-zywo?_data=${encodeURIComponent("routes/wydarzenia.$slug.na-zywo")}`;

async function body(client: TestClient, path: string): Promise<{ status: number; text: string; cache: string | null }> {
  const res = await client.request(path);
  return { status: res.status, text: await res.text(), cache: res.headers.get("cache-control") };
}

/** The personal calendar URL shown once on /konto after creating (or resetting) it. */
async function newCalendarUrl(client: TestClient): Promise<string> {
  await client.get("/konto");
  const res = await client.post("/konto", { intent: "calendar" });
  expect(res.status).toBe(200);
  const m = /id="calendar-url"[^>]*value="([^"]+)"/.exec(await res.text());
  expect(m, "the new calendar link is shown").not.toBeNull();
  return m![1];
}

describe.each(await dialects())("webinar join links on %s", (dialect) => {
  let app: TestServer;
  let moderator: TestClient;
  let slug: string;
  let joinUrl: string;
  let confirmed: Awaited<ReturnType<typeof buildMemberClient>>;
  let waiting: Awaited<ReturnType<typeof buildMemberClient>>;

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    moderator = await signedIn(app.url, "moderator");
    await moderator.get("/wydarzenia/nowe");
    joinUrl = `https://spotkania.zmp.poznan.pl/frl/tajny-pokoj-${process.pid}`;
    const res = await moderator.post("/wydarzenia/nowe", buildEventForm({ joinUrl, capacity: "1" }));
    expect(res.status).toBe(302);
    slug = new URL(res.headers.get("location")!, app.url).pathname.split("/").pop()!;
    confirmed = await buildMemberClient(app);
    waiting = await buildMemberClient(app);
    expect((await confirmed.client.post(`/wydarzenia/${slug}`, { intent: "register" })).status).toBe(200);
    expect((await waiting.client.post(`/wydarzenia/${slug}`, { intent: "register" })).status).toBe(200);
  });
  afterAll(async () => app?.stop());

  it("keeps the join link from anonymous visitors: page, page data, lists and every public calendar", async () => {
    const anonymous = new TestClient(app.url);
    for (const path of [`/wydarzenia/${slug}`, eventData(slug), liveData(slug), "/wydarzenia", "/?_data=routes%2F_index", `/wydarzenia/${slug}/kalendarz.ics`, "/kalendarz.ics"]) {
      const r = await body(anonymous, path);
      expect(r.status, path).toBe(200);
      expect(r.text, path).not.toContain(joinUrl);
    }
    const feed = await body(anonymous, "/kalendarz.ics");
    expect(feed.text).toContain(`/wydarzenia/${slug}`);
  });

  it("shows it to a confirmed participant and to staff, never to the waiting list", async () => {
    for (const [who, client] of [["confirmed", confirmed.client], ["moderator", moderator]] as const) {
      expect((await body(client, `/wydarzenia/${slug}`)).text, who).toContain(joinUrl);
      expect((await body(client, liveData(slug))).text, who).toContain(joinUrl);
      const ics = await body(client, `/wydarzenia/${slug}/kalendarz.ics`);
      expect(ics.text, who).toContain(joinUrl);
      expect(ics.cache, who).toContain("no-store");
    }
    for (const path of [`/wydarzenia/${slug}`, eventData(slug), liveData(slug), `/wydarzenia/${slug}/kalendarz.ics`]) {
      expect((await body(waiting.client, path)).text, path).not.toContain(joinUrl);
    }
  });

  it("gives each person a private calendar feed under a secret link they can reset", async () => {
    const url = await newCalendarUrl(confirmed.client);
    expect(url).toMatch(new RegExp(`^${app.url}/kalendarz/[A-Za-z0-9_-]{43}\\.ics$`));
    const path = url.slice(app.url.length);
    // No cookie needed: calendar apps fetch the feed on their own.
    const feed = await body(new TestClient(app.url), path);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(joinUrl);
    expect(feed.cache).toBe("private, no-store");
    // The database keeps a hash, not the token.
    const token = path.slice("/kalendarz/".length, -".ics".length);
    const stored = await app.services.db.db.selectFrom("calendarTokens").select("tokenHash").execute();
    expect(stored.some((r) => r.tokenHash === token)).toBe(false);

    const waitingFeed = await body(new TestClient(app.url), (await newCalendarUrl(waiting.client)).slice(app.url.length));
    expect(waitingFeed.text).toContain(`/wydarzenia/${slug}`);
    expect(waitingFeed.text).not.toContain(joinUrl);

    const next = (await newCalendarUrl(confirmed.client)).slice(app.url.length);
    expect((await body(new TestClient(app.url), path)).status).toBe(404);
    expect((await body(new TestClient(app.url), next)).text).toContain(joinUrl);
    expect((await body(new TestClient(app.url), "/kalendarz/nie-ma-takiego.ics")).status).toBe(404);
  });

  it("sends no password hashes to the admin's user list", async () => {
    const admin = await signedIn(app.url, "admin");
    const page = await body(admin, `/admin/uzytkownicy?_data=${encodeURIComponent("routes/admin.uzytkownicy")}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("member@frl.test");
    expect(page.text).not.toMatch(/passwordHash|scrypt|\$argon2|\$2[aby]\$/);
  });

  it("mails the join link to a person promoted from the waiting list, and to no one else", async () => {
    expect((await confirmed.client.post(`/wydarzenia/${slug}`, { intent: "unregister" })).status).toBe(200);
    // Mail goes through the job queue: wait for the promotion. The confirmed person had the link in their own
    // confirmation; the person on the waiting list gets it only with the promotion.
    await waitForMail(app.dataDir, (m) => m.to === waiting.email && m.subject.startsWith("Zwolniło się miejsce"));
    const mail = readMail(app.dataDir).filter((m) => m.text.includes(joinUrl));
    expect(mail.filter((m) => m.to === waiting.email).map((m) => m.subject)).toEqual([expect.stringContaining("Zwolniło się miejsce")]);
    expect(mail.every((m) => m.to === waiting.email || m.to === confirmed.email)).toBe(true);
    expect((await body(waiting.client, `/wydarzenia/${slug}`)).text).toContain(joinUrl);
    expect((await body(confirmed.client, `/wydarzenia/${slug}`)).text).not.toContain(joinUrl);
  });
});
