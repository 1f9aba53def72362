import type { LoaderFunctionArgs } from "@remix-run/node";
import { maySeeJoinLink, toICalendar } from "~/lib/server-modules.server";
import { actorOf } from "~/lib/guards.server";

/** One event as an .ics file to open in any calendar; the join link only for confirmed participants and staff. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { events } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) throw new Response("Nie znaleziono wydarzenia.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const actor = actorOf(context);
  const registration = await events.registrationState(actor, event.id);
  const personal = maySeeJoinLink(actor, registration?.status);
  return new Response(toICalendar([event], context.origin, event.title, () => (personal ? event.joinUrl : null)), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}.ics"`,
      // A file with a join link is this person's own: no shared cache may hand it to someone else.
      "cache-control": personal ? "private, no-store" : "no-cache",
      vary: "Cookie",
    },
  });
}
