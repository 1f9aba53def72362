import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRegistrations } from "../../db/repositories/registrations.js";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { readMail, waitForMail } from "../setup/mail.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

describe.each(await dialects())("events on %s", (dialect) => {
  let app: TestServer;
  let moderator: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    moderator = await signedIn(app.url, "moderator");
    await moderator.get("/wydarzenia/nowe");
  });
  afterAll(async () => app?.stop());

  async function createEvent(overrides: Parameters<typeof buildEventForm>[0] = {}) {
    const form = buildEventForm(overrides);
    const res = await moderator.post("/wydarzenia/nowe", form);
    expect(res.status, await res.clone().text()).toBe(302);
    const slug = res.headers.get("location")!.split("?")[0].split("/").pop()!;
    const event = (await app.services.events.bySlug(slug))!;
    return event;
  }

  it("lists the seeded 2020 cycle and its inaugural seminar among past events", async () => {
    const page = await new TestClient(app.url).html("/wydarzenia?when=past&kind=seminar");
    expect(page.html).toContain("Wyzwania demograficzne a endogenne potencjały rozwoju");
    const detail = await new TestClient(app.url).html("/wydarzenia/wyzwania-demograficzne-2020");
    expect(detail.html).toContain("Uruchomienie endogennych potencjałów warunkiem rozwoju małych i średnich miast w Polsce");
    expect(detail.html).toContain("2 kwietnia 2020, 10:00 – 3 kwietnia 2020, 14:00");
  });

  it("lets a moderator create an event in Warsaw time and shows it as upcoming, filterable by area", async () => {
    const event = await createEvent({ startsAt: "2027-03-28T10:00", endsAt: "2027-03-28T12:00", title: "Webinarium o zmianie czasu" });
    // 28 March 2027 is the first day of summer time: 10:00 in Warsaw is 08:00 UTC.
    expect(event.startsAt).toBe("2027-03-28T08:00:00.000Z");
    const list = await new TestClient(app.url).html("/wydarzenia?area=finanse");
    expect(list.html).toContain("Webinarium o zmianie czasu");
    const other = await new TestClient(app.url).html("/wydarzenia?area=nieruchomosci");
    expect(other.html).not.toContain("Webinarium o zmianie czasu");
  });

  it("event lists carry what their cards show, and count their pages from every matching event", async () => {
    const anonymous = new TestClient(app.url);
    const data = (await (await anonymous.get("/wydarzenia?when=past&_data=routes%2Fwydarzenia._index")).json()) as { list: Record<string, unknown>[]; total: number; pages: number };
    const all = await app.services.events.list({ when: "past", limit: 1000 });
    expect(data.total).toBe(all.length);
    expect(data.pages).toBe(Math.ceil(all.length / 12));
    expect(data.list.map((e) => e.slug)).toEqual(all.slice(0, 12).map((e) => e.slug));
    expect(Object.keys(data.list[0]).sort()).toEqual(["areas", "endsAt", "format", "id", "kind", "markers", "place", "seriesTitle", "slug", "startsAt", "status", "title"]);
    const home = (await (await anonymous.get("/?_data=routes%2F_index")).json()) as { upcoming: Record<string, unknown>[] };
    for (const card of home.upcoming) expect(card).not.toHaveProperty("description");
  });

  it("explains every invalid field and stores nothing", async () => {
    const before = (await app.services.events.list({ when: "all", limit: 1000 })).length;
    const res = await moderator.post("/wydarzenia/nowe", buildEventForm({ title: "", endsAt: "2020-01-01T00:00", joinUrl: "javascript:alert(1)", capacity: "-3" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Tytuł musi mieć co najmniej 3 znaki.");
    expect(html).toContain("Podaj poprawny adres zaczynający się od https://");
    expect(html).toContain("Liczba miejsc musi być liczbą całkowitą od 1 do 100 000.");
    expect((await app.services.events.list({ when: "all", limit: 1000 })).length).toBe(before);
  });

  it("never overbooks: 20 people registering at once for 5 seats give 5 confirmed and 15 waiting", async () => {
    const event = await createEvent({ capacity: "5" });
    const people = await Promise.all(Array.from({ length: 20 }, () => buildMemberClient(app)));
    const responses = await Promise.all(people.map((p) => p.client.post(`/wydarzenia/${event.slug}`, { intent: "register" })));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const counts = await countRegistrations(app.services.db.db, event.id);
    expect(counts).toMatchObject({ confirmed: 5, waitlisted: 15 });
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(texts.filter((t) => t.includes("Zapisano na wydarzenie.")).length).toBe(5);
    expect(texts.filter((t) => t.includes("dopisano Cię do listy rezerwowej")).length).toBe(15);
  });

  it("promotes the waiting list in order when someone cancels, and tells the promoted person by mail", async () => {
    const event = await createEvent({ capacity: "1" });
    const [a, b, c] = [await buildMemberClient(app), await buildMemberClient(app), await buildMemberClient(app)];
    for (const p of [a, b, c]) await p.client.post(`/wydarzenia/${event.slug}`, { intent: "register" });
    const page = await c.client.html(`/wydarzenia/${event.slug}`);
    expect(page.html).toContain("Jesteś na liście rezerwowej (miejsce 2)");

    await a.client.post(`/wydarzenia/${event.slug}`, { intent: "unregister" });
    expect((await b.client.html(`/wydarzenia/${event.slug}`)).html).toContain("Jesteś zapisana/zapisany na to wydarzenie.");
    expect((await c.client.html(`/wydarzenia/${event.slug}`)).html).toContain("Jesteś na liście rezerwowej (miejsce 1)");
    // Mail goes through the job queue: wait for the promotion mail itself (b also had an account and a waiting-list mail).
    const mail = await waitForMail(app.dataDir, (m) => m.to === b.email && m.subject.startsWith("Zwolniło się miejsce"));
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining(event.title)]);
    expect(readMail(app.dataDir).some((m) => m.to === c.email && m.subject.startsWith("Zwolniło"))).toBe(false);

    // Someone who cancels and registers again goes to the end of the queue.
    await a.client.post(`/wydarzenia/${event.slug}`, { intent: "register" });
    expect((await a.client.html(`/wydarzenia/${event.slug}`)).html).toContain("Jesteś na liście rezerwowej (miejsce 2)");
  });

  it("promotes waiting people when a moderator raises the capacity", async () => {
    const event = await createEvent({ capacity: "1" });
    const [a, b] = [await buildMemberClient(app), await buildMemberClient(app)];
    for (const p of [a, b]) await p.client.post(`/wydarzenia/${event.slug}`, { intent: "register" });
    const edit = buildEventForm({ slug: event.slug, title: event.title, capacity: "2" });
    expect((await moderator.post(`/wydarzenia/${event.slug}/edycja`, edit)).status).toBe(302);
    expect(await countRegistrations(app.services.db.db, event.id)).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it("shows registrations in 'my events' and closes registration for cancelled events", async () => {
    const event = await createEvent();
    const p = await buildMemberClient(app);
    await p.client.post(`/wydarzenia/${event.slug}`, { intent: "register" });
    expect((await p.client.html("/moje-wydarzenia")).html).toContain(event.title);
    await moderator.get(`/wydarzenia/${event.slug}`);
    expect((await moderator.post(`/wydarzenia/${event.slug}`, { intent: "cancel-event" })).status).toBe(302);
    const q = await buildMemberClient(app);
    const res = await q.client.post(`/wydarzenia/${event.slug}`, { intent: "register" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Wydarzenie zostało odwołane");
    expect((await p.client.html("/moje-wydarzenia")).html).toContain("Odwołane");
  });

  it("serves RFC 5545 calendars that parse, with the page URL (and the join link for staff)", async () => {
    const event = await createEvent({ title: "Webinarium; przecinki, i ukośniki \\ w tytule", joinUrl: "https://spotkania.zmp.poznan.pl/frl/ical" });
    const anonymous = await (await new TestClient(app.url).request(`/wydarzenia/${event.slug}/kalendarz.ics`)).text();
    expect(anonymous).not.toContain("spotkania.zmp.poznan.pl");
    const res = await moderator.request(`/wydarzenia/${event.slug}/kalendarz.ics`);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    const vevent = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(vevent.summary).toBe("Webinarium; przecinki, i ukośniki \\ w tytule");
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(vevent.description).toContain("https://spotkania.zmp.poznan.pl/frl/ical");
    expect(vevent.description).toContain(`${app.url}/wydarzenia/${event.slug}`);
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");

    const feed = new ICAL.Component(ICAL.parse(await (await new TestClient(app.url).request("/kalendarz.ics")).text()));
    const summaries = feed.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    expect(summaries).toContain(event.title);
    expect(summaries).not.toContain("Wyzwania demograficzne a endogenne potencjały rozwoju");
    const uids = feed.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe("home page", () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer();
  });
  afterAll(async () => app?.stop());

  it("shows the next events and the newest good practices, each linking to its page", async () => {
    const page = await new TestClient(app.url).html("/");
    const next = (await app.services.events.list({ when: "upcoming", limit: 1 }))[0];
    expect(page.html).toContain(`href="/wydarzenia/${next.slug}"`);
    expect(page.html).toContain("Najnowsze dobre praktyki miast");
    const newest = await app.services.search.engine.search({ q: "", filter: 'kind = "good_practice"', sort: ["date:desc"], hitsPerPage: 1 });
    expect(page.html).toContain(`href="${newest.hits[0].url}"`);
  });
});
