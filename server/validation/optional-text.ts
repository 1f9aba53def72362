import { z } from "zod";

/** An optional trimmed form text of at most `max` characters; empty becomes null. `tooLong` is the Polish message. */
export function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));
}
