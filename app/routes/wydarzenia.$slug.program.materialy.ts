import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { agendaMaterialIdsSchema } from "~/lib/route-schemas.server";
import { t } from "../../domain/i18n";
import { notFound } from "~/lib/guards.server";


// Titles of the library items an agenda links to (published items only: public information), so the workspace can
// show titles instead of numbers, also for items another editor has just added.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const raw = new URL(request.url).searchParams.get("ids") ?? "";
  const parsed = agendaMaterialIdsSchema.safeParse(raw.split(",").filter(Boolean));
  if (!parsed.success) return json({ message: t.agenda.sessions.libraryBadIds }, { status: 400 });
  const items = await context.services.library.publishedTitles([...new Set(parsed.data)]);
  return json({ items }, { headers: { "cache-control": "no-store" } });
}
