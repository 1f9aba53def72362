import { z } from "zod";
import { optionalText } from "../validation/optional-text.js";
import { auth as t } from "../../domain/i18n/pl/auth.js";
import { cityField } from "../../domain/i18n/pl/city-field.js";
import { MIN_PASSWORD_LENGTH, passwordWeakness } from "./password-strength.js";

const email = z.string().trim().toLowerCase().email(t.validation.email).max(254, t.validation.email);
// Length first, then a guessability estimate with Polish and common-password dictionaries (the message says why).
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, t.validation.passwordShort)
  .max(200, t.validation.passwordLong)
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value);
    if (weakness !== null) ctx.addIssue({ code: "custom", message: t.validation.passwordWeak(weakness) });
  });

export const loginSchema = z.object({ email, password: z.string().min(1, t.validation.passwordRequired).max(200) });

const accountFields = z.object({
  name: z.string().trim().min(2, t.validation.nameRequired).max(120, t.validation.nameLong),
    email,
    password: newPassword,
    affiliation: z.enum(["city", "government", "expert", "other"], { message: t.validation.affiliation }),
    // The typed town name (the route resolves it against the directory); a town id is still taken from older forms.
    city: optionalText(120, cityField.tooLong),
    cityId: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number().int().positive().nullable()),
    position: optionalText(120, t.validation.nameLong),
});

const statesCity = (v: { affiliation: string; city: string | null; cityId: number | null }) => v.affiliation !== "city" || v.city !== null || v.cityId !== null;

export const registerSchema = accountFields.refine(statesCity, { path: ["city"], message: t.register.cityRequired });

export const profileSchema = accountFields
  .pick({ name: true, affiliation: true, city: true, cityId: true, position: true })
  .refine(statesCity, { path: ["city"], message: t.register.cityRequired });

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, t.validation.passwordRequired), newPassword });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z.object({ token: z.string().min(10).max(200), newPassword });

export type RegisterInput = z.infer<typeof registerSchema>;

/** Sign-up from a survey's personal link: the city comes from the link's token, never from the form. */
export const signupLinkSchema = accountFields.pick({ name: true, email: true, password: true, position: true }).extend({ token: z.string().min(10).max(200) });
