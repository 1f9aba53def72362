import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { EventSeries } from "../../db/schema.js";
import { seedAreas } from "../../domain/thematic-areas.js";

/** The demo events file: one JSON object a line, series first (events name their series by slug). */
export const DEMO_EVENTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/seed-data/events.jsonl");

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");
// Past events keep their real dates in Warsaw local time; upcoming ones are relative to the seeding day.
const warsawLocal = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "YYYY-MM-DDTHH:mm (Europe/Warsaw)");
const areaSlugs = new Set<string>(seedAreas.map((a) => a.slug));

const seriesLine = z.strictObject({ type: z.literal("series"), slug, title: text, description: text, year: z.number().int().min(2000).max(2100) });

const eventLine = z
  .strictObject({
    type: z.literal("event"),
    slug,
    title: text,
    description: text,
    kind: z.enum(["seminar", "workshop", "conference", "webinar", "network_meeting"]),
    series: slug.nullable(),
    areas: z.array(z.string().refine((a) => areaSlugs.has(a), "unknown thematic area")).min(1),
    startsAt: warsawLocal.optional(),
    endsAt: warsawLocal.optional(),
    startsInDays: z.number().int().optional(),
    startHour: z.number().int().min(0).max(23).optional(),
    durationHours: z.number().positive().max(72).optional(),
    format: z.enum(["online", "onsite", "hybrid"]),
    place: text.nullable(),
    joinUrl: z.url({ protocol: /^https$/ }).nullable(),
    capacity: z.number().int().positive().nullable(),
  })
  .refine((e) => (e.startsAt === undefined) === (e.endsAt === undefined), { path: ["endsAt"], message: "startsAt and endsAt come together" })
  .refine((e) => !e.startsAt || !e.endsAt || e.endsAt > e.startsAt, { path: ["endsAt"], message: "ends before it starts" })
  .refine((e) => e.startsAt !== undefined || e.startsInDays !== undefined, { path: ["startsInDays"], message: "either fixed startsAt/endsAt or a relative startsInDays" });

const lineSchema = z.discriminatedUnion("type", [seriesLine, eventLine]);

export type DemoSeries = Omit<EventSeries, "id">;
export type DemoEvent = Omit<z.infer<typeof eventLine>, "type">;
export type DemoEvents = { series: DemoSeries[]; events: DemoEvent[] };

/**
 * Parses the demo events JSONL, validating every line and the references between lines (known series, unique
 * slugs). A broken file stops the seed with every bad line named, rather than seeding half of it.
 */
export function parseDemoEvents(jsonl: string, fileName = "events.jsonl"): DemoEvents {
  const series: DemoSeries[] = [];
  const events: DemoEvent[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  jsonl.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const where = `${fileName}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push(`${where}: not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.length ? `${issue.path.map(String).join(".")}: ` : ""}${issue.message}`);
      return;
    }
    const { type, ...line } = parsed.data;
    const key = `${type}:${line.slug}`;
    if (seen.has(key)) problems.push(`${where}: duplicate ${type} slug ${line.slug}`);
    seen.add(key);
    if (parsed.data.type === "series") series.push({ slug: parsed.data.slug, title: parsed.data.title, description: parsed.data.description, year: parsed.data.year });
    else {
      const { type: _type, ...event } = parsed.data;
      if (event.series !== null && !seen.has(`series:${event.series}`)) problems.push(`${where}: series: no series ${event.series} above this line`);
      events.push(event);
    }
  });
  if (problems.length) throw new Error(`demo events: ${problems.length} problem(s)\n${problems.join("\n")}`);
  return { series, events };
}

/** Reads and validates the demo events file. */
export async function readDemoEvents(file = DEMO_EVENTS_FILE): Promise<DemoEvents> {
  return parseDemoEvents(await readFile(file, "utf8"), path.basename(file));
}
