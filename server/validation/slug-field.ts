import { z } from "zod";

/** An optional URL slug from a form: lower case letters, digits and hyphens, at most 120 characters; "" when empty. */
export function slugField(messages: { tooLong: string; invalid: string }) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(120, messages.tooLong)
    .regex(/^[a-z0-9-]*$/, messages.invalid)
    .optional()
    .transform((v) => v || "");
}
