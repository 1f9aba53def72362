import { json, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { t } from "../../domain/i18n";
// Polish zod messages for every form, also when the build runs without server/create-app.ts (remix dev, tests).
import "../../server/validation/polish-zod.js";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: string; values?: Record<string, unknown> };

/**
 * Reads a form body and checks its CSRF token; every action goes through here. A bad token is a 403 with a message
 * a person understands, and nothing is stored.
 */
export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  const form = await request.formData().catch(() => {
    // A JSON or text body, or a multipart body cut short, is the sender's fault: 4xx, never a 500.
    const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(request.headers.get("content-type") ?? "");
    throw json({ message: isForm ? t.common.errors.unreadableForm : t.common.errors.unsupportedForm }, { status: isForm ? 400 : 415 });
  });
  const token = form.get("_csrf");
  if (!context.verifyCsrf(typeof token === "string" ? token : request.headers.get("x-csrf-token"))) {
    throw json({ message: t.common.errors.csrf }, { status: 403 });
  }
  return form;
}

/** Turns FormData into a plain object; fields named with [] become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key === "_csrf" || key === "intent" || typeof value !== "string") continue;
    if (key.endsWith("[]")) {
      const k = key.slice(0, -2);
      (out[k] = (out[k] as string[] | undefined) ?? []) as string[];
      (out[k] as string[]).push(value);
    } else out[key] = value;
  }
  return out;
}

/** Validates with zod; on failure returns field errors keyed by the first path segment. */
export function validate<S extends z.ZodTypeAny>(schema: S, data: unknown): { ok: true; data: z.infer<S> } | FormFailure {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "_form");
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** A 400 response carrying field errors and the values to refill the form with (never passwords). */
export function badForm(failure: Omit<FormFailure, "ok">, status = 400) {
  const values = Object.fromEntries(Object.entries(failure.values ?? {}).filter(([k]) => !/password/i.test(k)));
  return json<FormFailure>({ ok: false, fieldErrors: failure.fieldErrors, formError: failure.formError, values }, { status });
}
