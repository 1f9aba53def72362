import { z } from "zod";

/**
 * An optional trimmed form text of at most `max` characters; empty becomes null. `tooLong` is the Polish message (left
 * out, zod's Polish default from polish-zod.ts names the limit). Every optional text field of every form uses this.
 */
export function optionalText(max: number, tooLong?: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));
}
