import { json } from "@remix-run/node";
import type { z } from "zod";
import { t } from "../../domain/i18n";

/** Headers of the public read API: cacheable for a minute, readable from any site. */
export const apiHeaders = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };

/** Validates query parameters; a failure is a 400 naming the first wrong parameter, in Polish. */
export function parseApiQuery<S extends z.ZodTypeAny>(schema: S, data: unknown): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const parameter = String(parsed.error.issues[0]?.path[0] ?? "");
  return { ok: false, response: json({ error: { code: "bad_parameter", message: t.networks.api.badParam(parameter), parameter } }, { status: 400, headers: apiHeaders }) };
}

/** 404 of the public read API. */
export function apiNotFound(): Response {
  return json({ error: { code: "not_found", message: t.networks.errors.notFound } }, { status: 404, headers: apiHeaders });
}
