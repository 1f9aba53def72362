// Issue 14, part A: the staff screens under /admin/sieci, on SQLite and PostgreSQL, driven through their HTML forms as
// a moderator would: create a network, add and remove member cities (history kept and shown), pick people, create a
// quarterly series of meetings, link library materials, record agreements with an owner picker. Non-staff get 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const NEW = "/admin/sieci/rewitalizacja-srodmiesc";

describe.each(await dialects())("network staff screens (%s)", (dialect) => {
  let app: TestServer;
  let anonymous: TestClient;
  let member: TestClient;
  let expert: TestClient;
  let moderator: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    anonymous = await signedIn(app.url, null);
    member = await signedIn(app.url, "member");
    moderator = await signedIn(app.url, "moderator");
    expert = await signedIn(app.url, null);
    await expert.login("ekspert@frl.test");
    for (const c of [anonymous, member, expert, moderator]) await c.get("/sieci");
  });
  afterAll(async () => app?.stop());

  it("only staff open or use the screens: members and network experts get 403, visitors go to log in", async () => {
    const pages = ["/admin/sieci", "/admin/sieci/zmiany-demograficzne", "/admin/sieci/zmiany-demograficzne/spotkania", "/admin/sieci/zmiany-demograficzne/materialy", "/admin/sieci/zmiany-demograficzne/ustalenia"];
    for (const path of pages) {
      expect((await moderator.request(path)).status, path).toBe(200);
      expect((await member.request(path)).status, path).toBe(403);
      expect((await expert.request(path)).status, path).toBe(403);
      const anon = await anonymous.request(path);
      expect(anon.status, path).toBe(302);
      expect(anon.headers.get("location")).toMatch(/^\/login\?next=/);
    }
    const before = (await app.services.networks.list()).length;
    expect((await member.post("/admin/sieci", { name: "Sieć członka", description: "Członek nie zakłada sieci.", status: "active", startYear: "2026" })).status).toBe(403);
    expect((await expert.post("/admin/sieci/zmiany-demograficzne", { intent: "city-add", city: "Kalisz" })).status).toBe(403);
    expect((await member.post("/admin/sieci/zmiany-demograficzne/spotkania", { intent: "series", firstDate: "2027-01-10", firstTime: "10:00", count: "4", durationHours: "2", format: "online", joinUrl: "https://example.org/x" })).status).toBe(403);
    expect((await app.services.networks.list()).length).toBe(before);
    // A staff member reaches the screens from the network page and the admin tabs.
    expect((await moderator.html("/sieci/zmiany-demograficzne")).html).toContain('href="/admin/sieci/zmiany-demograficzne"');
    expect((await member.html("/sieci/zmiany-demograficzne")).html).not.toContain('href="/admin/sieci/zmiany-demograficzne"');
    expect((await moderator.html("/admin/sieci")).html).toContain('href="/admin/sieci/lokalna-energia"');
    expect((await moderator.html("/sieci")).html).toContain('href="/admin/sieci"');
    expect((await member.html("/sieci")).html).not.toContain('href="/admin/sieci"');
  });

  it("creates a network through the form; bad input gets Polish messages by the fields and stores nothing", async () => {
    const before = (await app.services.networks.list()).length;
    let res = await moderator.post("/admin/sieci", { name: "R", description: "krótki", "areas[]": "demografia", leaderCity: "Niematakiegomiasta", status: "active", startYear: "2026", endYear: "2020" });
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain("Nazwa musi mieć od 3 do 200 znaków.");
    expect(html).toContain("Opis musi mieć od 10 do 5000 znaków.");
    res = await moderator.post("/admin/sieci", { name: "Rewitalizacja śródmieść", description: "Miasta odnawiające swoje centra wymieniają się doświadczeniami.", leaderCity: "Niematakiegomiasta", status: "active", startYear: "2026" });
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain("Nie znamy miasta „Niematakiegomiasta”");
    expect(html).toContain('value="Rewitalizacja śródmieść"'); // what was typed stays in the form
    res = await moderator.post("/admin/sieci", { name: "Inna", slug: "lokalna-energia", description: "Ten adres ma już inna sieć, więc nic nie powstanie.", status: "active", startYear: "2026" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Ten adres ma już inna sieć");
    expect((await app.services.networks.list()).length).toBe(before);

    res = await moderator.post("/admin/sieci", { name: "Rewitalizacja śródmieść", description: "Miasta odnawiające swoje centra wymieniają się doświadczeniami.", "areas[]": ["nieruchomosci", "demografia"], leaderCity: "Kalisz", status: "active", startYear: "2026", endYear: "" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${NEW}?utworzono=1`);
    const summary = (await app.services.networks.summary("rewitalizacja-srodmiesc"))!;
    expect(summary).toMatchObject({ name: "Rewitalizacja śródmieść", status: "active", startYear: 2026, endYear: null, leader: { slug: "kalisz", name: "Kalisz" } });
    expect(summary.areas.map((a) => a.slug).sort()).toEqual(["demografia", "nieruchomosci"]);
    const page = await moderator.html(`${NEW}?utworzono=1`);
    expect(page.html).toContain("Sieć utworzona.");
    expect(page.html).toContain('value="Kalisz"'); // the leader in the city field

    // Editing: the same form, now changing status and years.
    res = await moderator.post(NEW, { intent: "network", name: "Rewitalizacja śródmieść", slug: "rewitalizacja-srodmiesc", description: "Miasta odnawiające swoje centra wymieniają się doświadczeniami.", "areas[]": "nieruchomosci", leaderCity: "Kalisz", status: "closed", startYear: "2026", endYear: "2027" });
    expect(res.status).toBe(200);
    expect(await app.services.networks.summary("rewitalizacja-srodmiesc")).toMatchObject({ status: "closed", endYear: 2027, areas: [{ slug: "nieruchomosci" }] });
  });

  it("adds and removes member cities; the history keeps both dates and the public page shows former members", async () => {
    expect((await moderator.post(NEW, { intent: "city-add", city: "Kalisz", joinedOn: "2026-01-10" })).status).toBe(200);
    expect((await moderator.post(NEW, { intent: "city-add", city: "Dzierżoniów", joinedOn: "" })).status).toBe(200);
    let res = await moderator.post(NEW, { intent: "city-add", city: "Niematakiegomiasta" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Nie znamy miasta „Niematakiegomiasta”");
    res = await moderator.post(NEW, { intent: "city-remove", citySlug: "kalisz", leftOn: "2026-06-30" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("wystąpiło z sieci");
    // Removing a city that is not a member: refused, nothing changes.
    expect((await moderator.post(NEW, { intent: "city-remove", citySlug: "kalisz" })).status).toBe(400);

    const { html } = await moderator.html(NEW);
    const row = html.slice(html.indexOf('href="/miasta/kalisz"'), html.indexOf("</tr>", html.indexOf('href="/miasta/kalisz"')));
    expect(row).toContain("2026-01-10");
    expect(row).toContain("2026-06-30");
    const pub = (await anonymous.html("/sieci/rewitalizacja-srodmiesc")).html;
    expect(pub).toContain("Dawniej w sieci");
    expect(pub).toContain("2026-01-10 – 2026-06-30");
    const summary = (await app.services.networks.summary("rewitalizacja-srodmiesc"))!;
    expect(summary.members.map((m) => m.slug)).toEqual(["dzierzoniow"]);
  });

  it("the person picker finds people by name or e-mail (showing no e-mail) and adds or ends their part", async () => {
    let { html } = await moderator.html(`${NEW}?osoba=${encodeURIComponent("ekspert@frl")}`);
    expect(html).toContain("Tomasz Ekspert");
    expect(html).toContain("Dodaj Tomasz Ekspert");
    expect(html).not.toMatch(/[a-z]+@frl\.test<|>[a-z]+@frl\.test/);
    ({ html } = await moderator.html(`${NEW}?osoba=${encodeURIComponent("Rządowa")}`));
    expect(html).toContain("Ewa Rządowa");
    const expertId = (await findUserByEmail(app.services.db.db, "ekspert@frl.test"))!.id;
    const partnerId = (await findUserByEmail(app.services.db.db, "ministerstwo@frl.test"))!.id;
    expect((await moderator.post(NEW, { intent: "person-add", userId: String(expertId), role: "expert" })).status).toBe(200);
    expect((await moderator.post(NEW, { intent: "person-add", userId: String(partnerId), role: "partner" })).status).toBe(200);
    expect((await moderator.post(NEW, { intent: "person-add", userId: String(partnerId), role: "szef" })).status).toBe(400);
    expect((await moderator.post(NEW, { intent: "person-add", userId: "999999", role: "expert" })).status).toBe(400);
    // Someone already in the network is shown as such by the picker, not offered again.
    ({ html } = await moderator.html(`${NEW}?osoba=Ekspert`));
    expect(html).toContain("już w sieci: ekspert");
    expect(html).not.toContain("Dodaj Tomasz Ekspert");
    expect((await moderator.post(NEW, { intent: "person-remove", userId: String(partnerId) })).status).toBe(200);
    const page = (await app.services.networks.page("rewitalizacja-srodmiesc", null))!;
    expect(page.people.map((p) => [p.name, p.role])).toEqual([["Tomasz Ekspert", "expert"]]);
    ({ html } = await moderator.html(NEW));
    expect(html).toContain("Ewa Rządowa"); // kept in the history with both dates
    // The picker is a staff tool: members reach neither the search nor its results.
    expect((await member.request(`${NEW}?osoba=ekspert`)).status).toBe(403);
  });

  it("creates a series of 4 quarterly meetings linked to the network, each with a way to move it", async () => {
    const path = `${NEW}/spotkania`;
    let res = await moderator.post(path, { intent: "series", firstDate: "2027-01-15", firstTime: "10:00", count: "30", durationHours: "2", format: "onsite", place: "" });
    expect(res.status).toBe(400);
    const bad = await res.text();
    expect(bad).toContain("Liczba spotkań: od 1 do 24.");
    expect(bad).toContain("Podaj miejsce spotkań stacjonarnych lub hybrydowych.");
    expect((await app.services.networks.page("rewitalizacja-srodmiesc", null))!.upcoming).toHaveLength(0);

    res = await moderator.post(path, { intent: "series", firstDate: "2027-01-15", firstTime: "10:00", count: "4", durationHours: "2", titlePattern: "Spotkanie sieci rewitalizacji {n}", format: "online", joinUrl: "https://spotkania.example.org/rewitalizacja" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Utworzono 4 spotkania.");
    const meetings = (await app.services.networks.page("rewitalizacja-srodmiesc", null))!.upcoming;
    expect(meetings.map((m) => m.title)).toEqual([1, 2, 3, 4].map((n) => `Spotkanie sieci rewitalizacji ${n}`));
    // 10:00 Warsaw wall-clock every three months: CET in January, CEST in April, July and mid-October.
    expect(meetings.map((m) => m.startsAt)).toEqual(["2027-01-15T09:00:00.000Z", "2027-04-15T08:00:00.000Z", "2027-07-15T08:00:00.000Z", "2027-10-15T08:00:00.000Z"]);
    const { html } = await moderator.html(path);
    for (const m of meetings) expect(html).toContain(`href="/wydarzenia/${m.slug}/edycja"`);
    expect((await anonymous.html(`/wydarzenia/${meetings[0].slug}`)).html).toContain('href="/sieci/rewitalizacja-srodmiesc"');
  });

  it("moves when a meeting opens registration to everyone; a meeting of another network is refused", async () => {
    const path = "/admin/sieci/zmiany-demograficzne/spotkania";
    const meeting = (await app.services.networks.page("zmiany-demograficzne", null))!.upcoming.find((m) => Date.parse(m.startsAt) > Date.now() + 30 * 86_400_000)!;
    const kalisz = await signedIn(app.url, null);
    await kalisz.login("kalisz@frl.test"); // not a member of this network
    // By default 14 days before the start, shown in the form as Warsaw wall-clock time.
    const opens = new Date(Date.parse(meeting.startsAt) - 14 * 86_400_000).toLocaleString("sv-SE", { timeZone: "Europe/Warsaw" });
    expect((await moderator.html(path)).html).toContain(`value="${opens.slice(0, 10)}"`);
    expect((await kalisz.post(`/wydarzenia/${meeting.slug}`, { intent: "register" })).status).toBe(403);

    const other = (await app.services.networks.page("lokalna-energia", null))!.upcoming[0];
    expect((await moderator.post(path, { intent: "open-to-all", eventId: String(other.id), date: "2026-01-01", time: "09:00" })).status).toBe(400);
    expect((await moderator.post(path, { intent: "open-to-all", eventId: String(meeting.id), date: "1.1.2026", time: "9" })).status).toBe(400);
    expect((await member.post(path, { intent: "open-to-all", eventId: String(meeting.id), date: "2026-01-01", time: "09:00" })).status).toBe(403);

    const res = await moderator.post(path, { intent: "open-to-all", eventId: String(meeting.id), date: "2026-01-01", time: "09:00" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("będą otwarte dla wszystkich od nowej daty");
    expect((await kalisz.post(`/wydarzenia/${meeting.slug}`, { intent: "register" })).status).toBe(200);
  });

  it("links library materials (members only or public) found by the library search, and unlinks them", async () => {
    const items = await app.services.db.db.selectFrom("libraryItems").select(["id", "title", "slug"]).where("status", "=", "published").orderBy("id").limit(2).execute();
    const [first, second] = items;
    const path = `${NEW}/materialy`;
    // The library search finds the item (its index may still be filling just after start).
    const word = first.title.split(/\s+/).find((w) => w.length > 5) ?? first.title;
    let found = "";
    for (let i = 0; i < 40 && !found.includes(`value="${first.id}"`); i++) {
      found = (await moderator.html(`${path}?q=${encodeURIComponent(word)}`)).html;
      if (!found.includes(`value="${first.id}"`)) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toContain(`value="${first.id}"`);

    expect((await moderator.post(path, { intent: "material-link", itemId: String(first.id), membersOnly: "1" })).status).toBe(200);
    expect((await moderator.post(path, { intent: "material-link", itemId: String(second.id) })).status).toBe(200);
    expect((await moderator.post(path, { intent: "material-link", itemId: "99999999" })).status).toBe(400);
    const pub = (await anonymous.html("/sieci/rewitalizacja-srodmiesc")).html;
    expect(pub).toContain(`href="/biblioteka/${second.slug}"`);
    expect(pub).not.toContain(`href="/biblioteka/${first.slug}"`);
    const staffView = (await moderator.html("/sieci/rewitalizacja-srodmiesc")).html;
    expect(staffView).toContain(`href="/biblioteka/${first.slug}"`);

    expect((await moderator.post(path, { intent: "material-unlink", itemId: String(second.id) })).status).toBe(200);
    expect((await moderator.post(path, { intent: "material-unlink", itemId: String(second.id) })).status).toBe(400);
    expect((await anonymous.html("/sieci/rewitalizacja-srodmiesc")).html).not.toContain(`href="/biblioteka/${second.slug}"`);
  });

  it("records agreements whose owner is a member city or one of the network's people, with due date and status", async () => {
    const path = `${NEW}/ustalenia`;
    const db = app.services.db.db;
    const expertId = (await findUserByEmail(db, "ekspert@frl.test"))!.id;
    const partnerId = (await findUserByEmail(db, "ministerstwo@frl.test"))!.id;
    const dzierzoniow = (await app.services.cities.publicProfile("dzierzoniow"))!.id;
    const kalisz = (await app.services.cities.publicProfile("kalisz"))!.id;
    const form = (await moderator.html(path)).html;
    // The owner picker offers current member cities and people only.
    expect(form).toContain(`value="city:${dzierzoniow}"`);
    expect(form).toContain(`value="person:${expertId}"`);
    expect(form).not.toContain(`value="city:${kalisz}"`);
    expect(form).not.toContain(`value="person:${partnerId}"`);

    let res = await moderator.post(path, { intent: "agreement", title: "Tomasz przygotuje przegląd programów rewitalizacji", owner: `person:${expertId}`, eventId: "", dueOn: "2027-03-31", status: "in_progress" });
    expect(res.status).toBe(200);
    res = await moderator.post(path, { intent: "agreement", title: "Dzierżoniów opisze swój gminny program", owner: `city:${dzierzoniow}`, dueOn: "2027-02-28" });
    expect(res.status).toBe(200);
    // A person or city outside the network is refused by the owner field; so is a malformed owner.
    res = await moderator.post(path, { intent: "agreement", title: "Ewa nie jest już w sieci", owner: `person:${partnerId}` });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Ta osoba nie należy do ludzi sieci.");
    expect((await moderator.post(path, { intent: "agreement", title: "Kalisz wystąpił", owner: `city:${kalisz}` })).status).toBe(400);
    expect((await moderator.post(path, { intent: "agreement", title: "Zły właściciel", owner: "ktoś" })).status).toBe(400);

    const agreements = (await app.services.networks.page("rewitalizacja-srodmiesc", { id: expertId, role: "member", cityId: null }))!.agreements;
    expect(agreements.map((a) => [a.title, a.ownerUserName ?? a.ownerCityName, a.dueOn, a.status])).toEqual([
      ["Dzierżoniów opisze swój gminny program", "Dzierżoniów", "2027-02-28", "open"],
      ["Tomasz przygotuje przegląd programów rewitalizacji", "Tomasz Ekspert", "2027-03-31", "in_progress"],
    ]);
    res = await moderator.post(path, { intent: "agreement-status", agreementId: String(agreements[0].id), status: "done" });
    expect(res.status).toBe(200);
    expect((await moderator.html(path)).html).toContain("Tomasz Ekspert");
  });

  it("writes each staff change to the audit log", async () => {
    const actions = (await app.services.audit.latest(200)).filter((e) => e.subjectType === "network").map((e) => e.action);
    for (const a of ["network.create", "network.update", "network.city_add", "network.city_remove", "network.person_add", "network.person_remove", "network.meeting_series", "network.material_link", "network.material_unlink"]) {
      expect(actions, a).toContain(a);
    }
  });
});
