import { json, type AppLoadContext } from "@remix-run/node";
import { t } from "../../domain/i18n";
import { isNamedError } from "../../server/errors.js";
import { InputError } from "../../server/validation/input-error.js";
import { networkFormSchema } from "../../server/networks/network-schemas.js";
import { cityFieldMessage } from "./city-field.server";
import { validate, type FieldErrors } from "./forms.server";
import { notFound, permissionResponse, requirePermission } from "./guards.server";

/**
 * What a network management form's action answers. `intent` names the form that was sent, so a page with several
 * forms shows the message and field errors by that form only.
 */
export type StaffResult = { ok: boolean; intent: string; message?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> };

/** Success: the message to announce. */
export function staffOk(intent: string, message: string) {
  return json<StaffResult>({ ok: true, intent, message });
}

/** Refused input: 400 with field errors and the values to refill the form with; nothing was stored. */
export function staffBad(intent: string, fieldErrors: FieldErrors, values?: Record<string, unknown>) {
  return json<StaffResult>({ ok: false, intent, message: Object.values(fieldErrors)[0], fieldErrors, values }, { status: 400 });
}

/** A service's InputError becomes a 400 by the field it names (an unknown network a 404); permission errors 401/403. */
export function staffFailure(error: unknown, request: Request, intent: string, values?: Record<string, unknown>, fieldOf: (field: string) => string = (f) => f) {
  if (isNamedError(error, InputError)) {
    if (error.field === "network") notFound();
    return staffBad(intent, { [fieldOf(error.field)]: error.message }, values);
  }
  return permissionResponse(error, request);
}

/** The management view of the network a staff page is about: staff only, 404 when there is no such network. */
export async function requireManagedNetwork(context: AppLoadContext, request: Request, slug: string | undefined) {
  const actor = requirePermission(context, request, "network:manage");
  const view = await context.services.networks.manageView(actor, slug ?? "");
  if (!view) notFound();
  return { actor, view };
}

/** An intent no form of the page sends. */
export function unknownIntent() {
  return json<StaffResult>({ ok: false, intent: "", message: t.common.errors.badRequestTitle }, { status: 400 });
}

/**
 * Reads the network form: zod first, then the leader city field resolved like every city field (one confirmed town,
 * or a Polish message beside the field). Either the values to store or the field errors.
 */
export async function readNetworkForm(context: AppLoadContext, data: Record<string, unknown>) {
  const v = validate(networkFormSchema, data);
  if (!v.ok) return { ok: false as const, fieldErrors: v.fieldErrors };
  let leaderCityId: number | null = null;
  if (v.data.leaderCity) {
    const r = await context.services.cities.resolveName(v.data.leaderCity);
    if (r.status !== "found") return { ok: false as const, fieldErrors: { leaderCity: cityFieldMessage(v.data.leaderCity, r) } };
    leaderCityId = r.city.id;
  }
  return { ok: true as const, form: v.data, leaderCityId };
}
