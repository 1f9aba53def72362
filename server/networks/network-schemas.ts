import { z } from "zod";
import { networks as t } from "../../domain/i18n/pl/networks.js";
import { events as te } from "../../domain/i18n/pl/events.js";

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
  place: z.string().trim().max(300).optional().transform((v) => v || null),
  joinUrl: z.string().trim().max(500).url(te.validation.url).startsWith("https://", te.validation.url).optional().transform((v) => v || null),
});
export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;

export const cityMemberSchema = z.object({ citySlug: z.string().trim().min(1, t.errors.unknownCity).max(120, t.errors.unknownCity) });
