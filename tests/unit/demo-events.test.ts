import { describe, expect, it } from "vitest";
import { parseDemoEvents, readDemoEvents } from "../../server/seed/demo-events.js";

const series = { type: "series", slug: "cykl", title: "Cykl", description: "Opis cyklu", year: 2020 };
const event = {
  type: "event",
  slug: "seminarium",
  title: "Seminarium",
  description: "Opis seminarium",
  kind: "seminar",
  series: "cykl",
  areas: ["demografia"],
  startsAt: "2020-05-12T10:00",
  endsAt: "2020-05-12T14:00",
  format: "online",
  place: null,
  joinUrl: "https://spotkanie.example.pl/frl",
  capacity: 100,
};
const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n");

describe("demo events as JSONL data (db/seed-data/events.jsonl)", () => {
  it("holds the demo series and events the pages and tests rely on", async () => {
    const { series: s, events } = await readDemoEvents();
    expect(s.map((x) => x.slug)).toEqual(["endogenne-potencjaly-2020", "sieci-wymiany-doswiadczen"]);
    expect(events).toHaveLength(45);
    expect(events.map((e) => e.slug)).toContain("wyzwania-demograficzne-2020");
    // Upcoming demo events stay relative to the seeding day, so the demo always has something ahead.
    expect(events.filter((e) => e.startsInDays !== undefined && e.startsInDays > 0).length).toBeGreaterThan(0);
  });

  it("reads a well-formed file into series and events", () => {
    const out = parseDemoEvents(jsonl(series, "", event));
    expect(out.series).toEqual([{ slug: "cykl", title: "Cykl", description: "Opis cyklu", year: 2020 }]);
    const { type: _type, ...expected } = event;
    expect(out.events).toEqual([expected]);
  });

  it("refuses a broken file naming every bad line and what is wrong, so nothing is seeded from it", () => {
    const broken = jsonl(
      series,
      "{nie json",
      { ...event, slug: "zla-data", startsAt: "12.05.2020 10:00" },
      { ...event, slug: "obcy-obszar", areas: ["kosmos"] },
      { ...event, slug: "bez-cyklu", series: "nieznany" },
      { ...event, slug: "bez-terminu", startsAt: undefined, endsAt: undefined },
      { ...event, slug: "literowka", capcity: 10 },
      event,
      event,
    );
    let message = "";
    try {
      parseDemoEvents(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^demo events: 7 problem/);
    expect(message).toMatch(/events\.jsonl:2: not JSON/);
    expect(message).toMatch(/events\.jsonl:3: startsAt: /);
    expect(message).toMatch(/events\.jsonl:4: areas\.0: unknown thematic area/);
    expect(message).toMatch(/events\.jsonl:5: series: no series nieznany/);
    expect(message).toMatch(/events\.jsonl:6: startsInDays: /);
    expect(message).toMatch(/events\.jsonl:7: .*capcity/);
    expect(message).toMatch(/events\.jsonl:9: duplicate event slug seminarium/);
  });
});
