import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { t } from "../../domain/i18n";
import { notFound, requirePermission } from "~/lib/guards.server";

// The Yjs state of a published version (v3) or history snapshot (s12), for restoring it in the workspace.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, "agenda:manage");
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const m = /^([vs])([0-9]{1,9})$/.exec(params.ref ?? "");
  if (!m) throw json({ message: t.common.errors.notFound }, { status: 404 });
  const ref = m[1] === "v" ? { version: Number(m[2]) } : { snapshot: Number(m[2]) };
  const state = await context.services.agenda.stateOf(event.id, ref);
  if (!state) notFound();
  return new Response(Buffer.from(state), { headers: { "content-type": "application/octet-stream", "cache-control": "no-store" } });
}
