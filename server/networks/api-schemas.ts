import { z } from "zod";
import { areaSlugs } from "../../domain/thematic-areas.js";
import { cityNameKey } from "../../domain/city-name-key.js";

// Query parameters of the public read API (/api/events, /api/cities), validated at the boundary. Each failure names
// its parameter so the 400 can say which one is wrong.

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const perPage = z.coerce.number().int().min(1).max(100).default(20);
const slug = z.string().regex(/^[a-z0-9-]{1,120}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(v)));

export const eventsQuerySchema = z.object({
  area: z.enum(areaSlugs as [string, ...string[]]).optional(),
  kind: z.enum(["seminar", "workshop", "conference", "webinar", "network_meeting"]).optional(),
  from: date.optional(),
  to: date.optional(),
  network: slug.optional(),
  page,
  perPage,
});
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

export const citiesQuerySchema = z.object({
  voivodeship: z.string().trim().min(1).max(60).optional(),
  sizeClass: z.enum(["small", "medium", "large"]).optional(),
  q: z.string().trim().max(100).optional().transform((v) => (v ? cityNameKey(v) : undefined)),
  network: slug.optional(),
  page,
  perPage,
});
export type CitiesQuery = z.infer<typeof citiesQuerySchema>;

/** Reads a URL's query into an object for the schemas (repeated parameters keep the last value). */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
}

export const networkSlugParam = z.object({ slug });
