import type { LoaderFunctionArgs } from "@remix-run/node";
import { toICalendar } from "../../server/events/ical.js";

/** One event as an .ics file to open in any calendar. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event) throw new Response("Nie znaleziono wydarzenia.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(toICalendar([event], context.origin, event.title), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}.ics"`,
    },
  });
}
