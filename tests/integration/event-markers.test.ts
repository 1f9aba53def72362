import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAgendaSettings } from "../../db/repositories/agenda.js";
import { insertEvent } from "../../db/repositories/events.js";
import type { EventFormat, EventKind } from "../../db/schema.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const HOUR = 3600_000;
let n = 0;

describe.each(await dialects())("event markers on %s", (dialect) => {
  let app: TestServer;
  let member: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    member = await signedIn(app.url, "member");
  });
  afterAll(async () => app?.stop());

  async function event(o: { title: string; startsIn: number; kind?: EventKind; format?: EventFormat }) {
    const start = Date.now() + o.startsIn;
    const slug = `znacznik-${++n}-${process.pid}`;
    const id = await insertEvent(
      app.services.db.db,
      {
        slug,
        title: o.title,
        description: "Spotkanie do testu znaczników.",
        kind: o.kind ?? "webinar",
        seriesId: null,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
        timeZone: "Europe/Warsaw",
        format: o.format ?? "online",
        place: o.format === "onsite" ? "Poznań, ul. Ratajczaka 2" : null,
        joinUrl: o.format === "onsite" ? null : "https://example.org/stream",
        capacity: null,
      },
      [],
      null,
    );
    return { id, slug };
  }

  /** The HTML of the card whose title is `title` in a list page. */
  const card = (html: string, title: string) => html.split('<article class="card">').find((c) => c.includes(title)) ?? "";

  it("marks a room live now and a programme being co-designed in the list, on cards and at the top of the event page", async () => {
    const live = await event({ title: "Webinarium trwa właśnie teraz", startsIn: -10 * 60_000 });
    const coDesigned = await event({ title: "Warsztat z programem do współtworzenia", startsIn: 5 * 24 * HOUR, kind: "workshop" });
    await saveAgendaSettings(app.services.db.db, { eventId: coDesigned.id, mode: "all", cityIds: [], open: true, dotsBudget: 5 }, null);
    await event({ title: "Zwykłe spotkanie bez znaczników", startsIn: 6 * 24 * HOUR });

    const list = (await new TestClient(app.url).html("/wydarzenia")).html;
    expect(card(list, "Webinarium trwa właśnie teraz")).toContain("Na żywo teraz");
    expect(card(list, "Webinarium trwa właśnie teraz")).not.toContain("Program współtworzony");
    expect(card(list, "Warsztat z programem do współtworzenia")).toContain("Program współtworzony");
    expect(card(list, "Warsztat z programem do współtworzenia")).not.toContain("Na żywo teraz");
    const plain = card(list, "Zwykłe spotkanie bez znaczników");
    expect(plain).not.toBe("");
    expect(plain).not.toContain("Na żywo teraz");
    expect(plain).not.toContain("Program współtworzony");

    const livePage = (await new TestClient(app.url).html(`/wydarzenia/${live.slug}`)).html;
    const top = livePage.slice(0, livePage.indexOf('class="layout-2col"'));
    expect(top).toContain("Pokój na żywo jest teraz otwarty.");
    expect(top).toContain(`href="/wydarzenia/${live.slug}/na-zywo"`);

    const coPage = (await member.html(`/wydarzenia/${coDesigned.slug}`)).html;
    const coTop = coPage.slice(0, coPage.indexOf('class="layout-2col"'));
    expect(coTop).toContain("Program tego wydarzenia powstaje razem z uczestnikami.");
    expect(coTop).toContain(`href="/wydarzenia/${coDesigned.slug}/program"`);
  });

  it("a past event offers neither co-design nor a live room and does not promise materials after its end", async () => {
    const past = await event({ title: "Webinarium sprzed tygodnia", startsIn: -7 * 24 * HOUR });
    await saveAgendaSettings(app.services.db.db, { eventId: past.id, mode: "all", cityIds: [], open: true, dotsBudget: 5 }, null);
    const page = (await member.html(`/wydarzenia/${past.slug}`)).html;
    expect(page).not.toContain("Współtwórz program");
    expect(page).not.toContain("Pokój na żywo: pytania i dyskusja");
    expect(page).not.toContain(`href="/wydarzenia/${past.slug}/na-zywo"`);
    expect(page).not.toContain("Program współtworzony");
    expect(page).not.toContain("pojawią się po jego zakończeniu");
    expect(page).toContain("Do tego wydarzenia nie dodano materiałów.");
  });

  it("an on-site event has no live room; a room of a workshop is not called a webinar", async () => {
    const onsite = await event({ title: "Seminarium w Poznaniu", startsIn: 3 * 24 * HOUR, kind: "seminar", format: "onsite" });
    const onsitePage = (await member.html(`/wydarzenia/${onsite.slug}`)).html;
    expect(onsitePage).not.toContain("/na-zywo");
    expect(onsitePage).not.toContain("Na żywo teraz");

    // Co-designing the programme of an on-site seminar is what the platform is for: that stays, the live room does not.
    const coDesigned = await event({ title: "Seminarium stacjonarne z programem do współtworzenia", startsIn: 4 * 24 * HOUR, kind: "seminar", format: "onsite" });
    await saveAgendaSettings(app.services.db.db, { eventId: coDesigned.id, mode: "all", cityIds: [], open: true, dotsBudget: 5 }, null);
    const coPage = (await member.html(`/wydarzenia/${coDesigned.slug}`)).html;
    expect(coPage).toContain("Współtwórz program");
    expect(coPage).not.toContain("/na-zywo");
    expect(coPage).not.toContain("Pokój na żywo");

    // An on-site event under way is not marked as a live room either.
    const underWay = await event({ title: "Seminarium stacjonarne właśnie trwa", startsIn: -10 * 60_000, kind: "seminar", format: "onsite" });
    expect((await member.html(`/wydarzenia/${underWay.slug}`)).html).not.toContain("/na-zywo");
    const underWayCard = card((await new TestClient(app.url).html("/wydarzenia")).html, "Seminarium stacjonarne właśnie trwa");
    expect(underWayCard).not.toBe("");
    expect(underWayCard).not.toContain("Na żywo teraz");

    const workshop = await event({ title: "Warsztaty online o rewitalizacji", startsIn: 3 * 24 * HOUR, kind: "workshop" });
    const workshopPage = (await member.html(`/wydarzenia/${workshop.slug}`)).html;
    expect(workshopPage).toContain("Pokój na żywo: pytania i dyskusja");
    expect(workshopPage).not.toMatch(/webinari/i);
  });
});
