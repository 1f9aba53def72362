import { z } from "zod";
import { optionalText } from "../validation/optional-text.js";
import { slugField } from "../validation/slug-field.js";
import { library as t } from "../../domain/i18n/pl/library.js";

export const LIBRARY_KINDS = ["publication", "tool", "good_practice", "material", "recording"] as const;
export const LIBRARY_STATUSES = ["draft", "in_review", "published"] as const;

const httpUrl = z
  .string()
  .trim()
  .max(1000, t.validation.tooLong(1000))
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), t.validation.url);


const list = (raw: unknown) =>
  (Array.isArray(raw) ? raw.map(String) : String(raw ?? "").split(","))
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 30);

const optionalInt = (min: number, max: number, message: string) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message).nullable());

/** The editor form (strings from FormData); members' kind and city are forced by the service. */
export const libraryFormSchema = z.object({
  kind: z.enum(LIBRARY_KINDS, { message: t.validation.kind }),
  title: z.string({ message: t.validation.title }).trim().min(3, t.validation.title).max(300, t.validation.title),
  slug: slugField({ tooLong: t.validation.tooLong(120), invalid: t.validation.slug }),
  summary: z.string().trim().max(2000, t.validation.tooLong(2000)).default(""),
  body: z.string().max(100_000, t.validation.tooLong(100_000)).default(""),
  areas: z.array(z.string().max(40)).default([]),
  // .optional() first: zod 4 treats a transformed z.unknown() as required, so a form without the field was refused.
  tags: z.unknown().optional().transform(list),
  authors: z.unknown().optional().transform(list),
  city: optionalText(80, t.validation.tooLong(80)),
  event: optionalText(200, t.validation.tooLong(200)),
  year: optionalInt(1990, 2100, t.validation.year),
  publishedOn: optionalText(10, t.validation.tooLong(10)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t.validation.date).nullable()),
  externalUrl: optionalText(1000, t.validation.tooLong(1000)).pipe(httpUrl.nullable()),
  videoUrl: optionalText(1000, t.validation.tooLong(1000)).pipe(httpUrl.nullable()),
  durationMinutes: optionalInt(1, 1440, t.validation.duration),
  problem: optionalText(10_000, t.validation.tooLong(10_000)),
  solution: optionalText(10_000, t.validation.tooLong(10_000)),
  results: optionalText(10_000, t.validation.tooLong(10_000)),
  costAndFunding: optionalText(5000, t.validation.tooLong(5000)),
  period: optionalText(200, t.validation.tooLong(200)),
  contact: optionalText(500, t.validation.tooLong(500)),
});
export type LibraryForm = z.infer<typeof libraryFormSchema>;

const text = (max: number) => z.string().trim().max(max, t.validation.tooLong(max));

/** One line of an import file (JSONL). Unknown keys are ignored. */
export const importLineSchema = z.object({
  externalId: z.string({ message: t.import.externalId }).trim().min(1, t.import.externalId).max(200, t.validation.tooLong(200)),
  kind: z.enum(LIBRARY_KINDS, { message: t.import.kind(LIBRARY_KINDS.join(", ")) }),
  title: z.string({ message: t.validation.title }).trim().min(3, t.validation.title).max(300, t.validation.title),
  slug: z.string().trim().regex(/^[a-z0-9-]+$/, t.validation.slug).max(120).nullish().transform((v) => v ?? undefined),
  summary: text(2000).default(""),
  body: text(100_000).default(""),
  areas: z.array(z.string().trim()).max(6).default([]),
  tags: z.array(text(80)).max(30).default([]),
  authors: z.array(text(200)).max(30).default([]),
  city: text(80).nullish().transform((v) => v ?? undefined),
  event: text(200).nullish().transform((v) => v ?? undefined),
  year: z.number({ message: t.validation.year }).int(t.validation.year).min(1990, t.validation.year).max(2100, t.validation.year).nullish().transform((v) => v ?? undefined),
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t.validation.date).nullish().transform((v) => v ?? undefined),
  url: httpUrl.nullish().transform((v) => v ?? undefined),
  videoUrl: httpUrl.nullish().transform((v) => v ?? undefined),
  durationMinutes: z.number({ message: t.validation.duration }).int(t.validation.duration).min(1, t.validation.duration).max(1440, t.validation.duration).nullish().transform((v) => v ?? undefined),
  status: z.enum(LIBRARY_STATUSES).default("published"),
  goodPractice: z
    .object({
      problem: text(10_000).nullish().transform((v) => v ?? undefined),
      solution: text(10_000).nullish().transform((v) => v ?? undefined),
      results: text(10_000).nullish().transform((v) => v ?? undefined),
      costAndFunding: text(5000).nullish().transform((v) => v ?? undefined),
      period: text(200).nullish().transform((v) => v ?? undefined),
      contact: text(500).nullish().transform((v) => v ?? undefined),
    })
    .nullish().transform((v) => v ?? undefined),
});
export type ImportLine = z.infer<typeof importLineSchema>;
