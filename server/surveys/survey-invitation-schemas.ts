import { z } from "zod";
import { surveyInvitations as t } from "../../domain/i18n/pl/survey-invitations.js";

const email = z.string().trim().toLowerCase().email(t.errors.email).max(254, t.errors.email);

/** The invite form: which cities (a group, or names one per line). The group's own field must be filled. */
export const inviteFormSchema = z
  .object({
    scope: z.enum(["all", "voivodeship", "size", "network", "individual"], { message: t.errors.scope }),
    voivodeship: z.string().trim().max(60).optional(),
    size: z.enum(["small", "medium", "large"]).optional().or(z.literal("").transform(() => undefined)),
    network: z.string().trim().max(120).optional(),
    cities: z.string().max(20_000).optional(),
  })
  .superRefine((v, ctx) => {
    const need = { voivodeship: v.voivodeship, size: v.size, network: v.network, individual: v.cities?.trim() } as Record<string, string | undefined>;
    if (v.scope !== "all" && !need[v.scope]) ctx.addIssue({ code: "custom", path: [v.scope === "individual" ? "cities" : v.scope], message: t.errors.noCities });
  });
export type InviteForm = z.infer<typeof inviteFormSchema>;

/** Resending to one invited city; `email` sets its contact address (for a city without an account). */
export const resendFormSchema = z.object({
  city: z.coerce.number().int().positive(),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(email.optional()),
});
