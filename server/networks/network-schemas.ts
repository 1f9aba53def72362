import { z } from "zod";
import { networks as t } from "../../domain/i18n/pl/networks.js";
import { events as te } from "../../domain/i18n/pl/events.js";
import { cityField } from "../../domain/i18n/pl/city-field.js";
import { optionalText } from "../validation/optional-text.js";
import { slugField } from "../validation/slug-field.js";

const id = z.coerce.number({ message: t.api.badQuery }).int().positive();
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, te.validation.dateTime);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, te.validation.dateTime);

/** Recording an agreement: what, who (a member city or nobody in particular), by when, from which meeting. */
export const agreementFormSchema = z.object({
  title: z.string().trim().min(3, te.validation.title).max(500, te.validation.tooLong(500)),
  ownerCityId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  eventId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  dueOn: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(isoDate.nullable()),
});
export type AgreementForm = z.infer<typeof agreementFormSchema>;

export const agreementStatusSchema = z.object({
  agreementId: id,
  status: z.enum(["open", "in_progress", "done", "dropped"], { message: t.errors.unknownAgreement }),
});

export const threadFormSchema = z.object({
  title: z.string().trim().min(3, te.validation.title).max(200, te.validation.tooLong(200)),
  body: z.string().trim().min(1, te.validation.description).max(10_000, te.validation.tooLong(10_000)),
});

export const replyFormSchema = z.object({
  threadId: id,
  body: z.string().trim().min(1, te.validation.description).max(10_000, te.validation.tooLong(10_000)),
});

/** A quarterly series of meetings: the first date (Warsaw wall-clock) and how many; each can be moved later. */
export const meetingSeriesSchema = z.object({
  firstStartsAt: localDateTime,
  count: z.coerce.number().int().min(1).max(24),
  durationHours: z.coerce.number().int().min(1).max(12).default(3),
  format: z.enum(["online", "onsite", "hybrid"]).default("online"),
  place: optionalText(300),
  joinUrl: z.string().trim().max(500).url(te.validation.url).startsWith("https://", te.validation.url).optional().transform((v) => v || null),
});
// A title pattern with {n} for the meeting's number; null keeps the default "<network>: spotkanie <n>".
export type MeetingSeries = z.infer<typeof meetingSeriesSchema> & { titlePattern?: string | null };

export const cityMemberSchema = z.object({ citySlug: z.string().trim().min(1, t.errors.unknownCity).max(120, t.errors.unknownCity) });

const st = t.staff;
const year = z.coerce.number({ message: st.year }).int(st.year).min(2000, st.year).max(2100, st.year);
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().positive().nullable());

/** The staff form that creates or edits a network; `leaderCity` is the city field's text, resolved by the route. */
export const networkFormSchema = z
  .object({
    name: z.string().trim().min(3, st.name3).max(200, st.name3),
    slug: slugField({ tooLong: te.validation.tooLong(120), invalid: te.validation.slug }),
    description: z.string().trim().min(10, st.description10).max(5000, st.description10),
    areas: z.array(z.string().max(40, st.badArea), { message: st.badArea }).max(6, st.badArea).default([]),
    leaderCity: z.string().trim().max(120, cityField.tooLong).optional().transform((v) => v ?? ""),
    status: z.enum(["active", "closed"], { message: st.badStatus }),
    startYear: year,
    endYear: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number({ message: st.year }).int(st.year).min(2000, st.year).max(2100, st.year).nullable()),
  })
  .refine((v) => v.endYear === null || v.endYear >= v.startYear, { path: ["endYear"], message: st.yearRange });
export type NetworkForm = z.infer<typeof networkFormSchema>;

const dateOrToday = z
  .string()
  .optional()
  .transform((v) => v || undefined)
  .pipe(isoDate.optional());

/** Adding a member city: the city field's text and the day it joins (today when empty). */
export const cityAddSchema = z.object({ city: z.string().trim().min(1, cityField.unknown("")).max(120, cityField.tooLong), joinedOn: dateOrToday });
/** Ending a city's membership: which city and the day it leaves (today when empty). */
export const cityRemoveSchema = cityMemberSchema.extend({ leftOn: dateOrToday });

/** Adding a person with a role, as the person picker sends it. */
export const personAddSchema = z.object({ userId: id, role: z.enum(["expert", "partner", "coordinator"], { message: st.badRole }) });
/** Ending a person's part in the network. */
export const personRemoveSchema = z.object({ userId: id });
/** The person picker's query (GET): at least two characters, else no search. */
export const personQuerySchema = z.string().trim().min(2).max(80);

/** Linking a library item: which, and whether only members see it (an unchecked box sends nothing). */
export const materialLinkSchema = z.object({ itemId: id, membersOnly: z.string().optional().transform((v) => v === "1") });
export const materialUnlinkSchema = z.object({ itemId: id });

/** The staff series creator: date and time apart (plain inputs that work everywhere), a title pattern, venue or link. */
/** The admin meetings page's "registration open to everyone from" (Warsaw wall-clock date and time) for one meeting. */
export const openToAllSchema = z.object({
  eventId: z.coerce.number({ message: st.unknownMeeting }).int(st.unknownMeeting).positive(st.unknownMeeting),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, st.badDate),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, st.badTime),
});

export const staffSeriesSchema = z
  .object({
    firstDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, st.badDate),
    firstTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, st.badTime),
    count: z.coerce.number({ message: st.badCount }).int(st.badCount).min(1, st.badCount).max(24, st.badCount),
    durationHours: z.coerce.number({ message: st.badDuration }).int(st.badDuration).min(1, st.badDuration).max(12, st.badDuration),
    titlePattern: optionalText(150, st.titlePatternTooLong),
    format: z.enum(["online", "onsite", "hybrid"], { message: st.badFormat }),
    place: optionalText(300, te.validation.tooLong(300)),
    joinUrl: optionalText(500, te.validation.tooLong(500)).pipe(z.string().url(te.validation.url).startsWith("https://", te.validation.url).nullable()),
  })
  .refine((v) => v.format === "online" || v.place, { path: ["place"], message: st.placeRequired })
  .refine((v) => v.format === "onsite" || v.joinUrl, { path: ["joinUrl"], message: st.joinUrlRequired })
  .transform(
    (v): MeetingSeries => ({ firstStartsAt: `${v.firstDate}T${v.firstTime}`, count: v.count, durationHours: v.durationHours, format: v.format, place: v.place, joinUrl: v.joinUrl, titlePattern: v.titlePattern }),
  );

/**
 * The staff agreement form: one owner select whose values are "city:<id>" (a member city), "person:<id>" (one of the
 * network's people) or empty (the whole network), plus due date and status.
 */
export const staffAgreementSchema = z
  .object({
    title: agreementFormSchema.shape.title,
    owner: z
      .string()
      .optional()
      .transform((v) => v ?? "")
      .pipe(z.string().regex(/^(|city:\d{1,9}|person:\d{1,9})$/, st.badOwner)),
    eventId: optionalId,
    dueOn: agreementFormSchema.shape.dueOn,
    status: z.enum(["open", "in_progress", "done", "dropped"], { message: t.errors.unknownAgreement }).default("open"),
  })
  .transform(({ owner, ...rest }) => {
    const [kind, raw] = owner.split(":");
    return { ...rest, ownerCityId: kind === "city" ? Number(raw) : null, ownerUserId: kind === "person" ? Number(raw) : null };
  });
export type StaffAgreementForm = z.infer<typeof staffAgreementSchema>;
