import { z } from "zod";
import { optionalText } from "../validation/optional-text.js";
import { slugField } from "../validation/slug-field.js";
import { events as t } from "../../domain/i18n/pl/events.js";
import { DEFAULT_REMINDER_MINUTES } from "../../domain/notification-kinds.js";

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, t.validation.dateTime);

export const eventFormSchema = z
  .object({
    title: z.string().trim().min(3, t.validation.title).max(200, t.validation.tooLong(200)),
    slug: slugField({ tooLong: t.validation.tooLong(120), invalid: t.validation.slug }),
    description: z.string().trim().min(10, t.validation.description).max(20_000, t.validation.tooLong(20_000)),
    kind: z.enum(["seminar", "workshop", "conference", "webinar", "network_meeting"], { message: t.validation.kind }),
    format: z.enum(["online", "onsite", "hybrid"], { message: t.validation.format }),
    seriesId: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number().int().positive().nullable()),
    startsAt: localDateTime,
    endsAt: localDateTime,
    place: optionalText(300, t.validation.tooLong(300)),
    joinUrl: optionalText(500, t.validation.tooLong(500)).pipe(z.string().url(t.validation.url).startsWith("https://", t.validation.url).nullable()),
    capacity: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number({ message: t.validation.capacity }).int(t.validation.capacity).min(1, t.validation.capacity).max(100_000, t.validation.capacity).nullable()),
    areas: z.array(z.string()).default([]),
    // Minutes before the start at which confirmed participants are reminded; empty keeps a day and an hour.
    reminders: z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(",").map((p) => p.trim()).filter(Boolean).map(Number))
      .pipe(z.array(z.number({ message: t.validation.reminders }).int(t.validation.reminders).min(1, t.validation.reminders).max(20_160, t.validation.reminders)).max(5, t.validation.reminders))
      .transform((list) => (list.length ? [...new Set(list)].sort((a, b) => b - a).join(",") : DEFAULT_REMINDER_MINUTES.join(","))),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: t.validation.endBeforeStart })
  .refine((v) => v.format === "online" || v.place, { path: ["place"], message: t.validation.placeRequired })
  .refine((v) => v.format === "onsite" || v.joinUrl, { path: ["joinUrl"], message: t.validation.joinUrlRequired });

export type EventForm = z.infer<typeof eventFormSchema>;

export const eventListQuerySchema = z.object({
  when: z.enum(["upcoming", "past"]).catch("upcoming"),
  kind: z.enum(["seminar", "workshop", "conference", "webinar", "network_meeting"]).optional().catch(undefined),
  area: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
