import type { LoaderFunctionArgs } from "@remix-run/node";
import { toICalendar } from "~/lib/server-modules.server";

/** Subscribable feed: upcoming events plus the last 30 days, so calendars keep recent entries. */
export async function loader({ context }: LoaderFunctionArgs) {
  const { events } = context.services;
  const [upcoming, past] = await Promise.all([events.list({ when: "upcoming", limit: 500, includeCancelled: true }), events.list({ when: "past", limit: 50 })]);
  const since = Date.now() - 30 * 86400_000;
  const feed = [...past.filter((e) => Date.parse(e.endsAt) >= since).reverse(), ...upcoming];
  return new Response(toICalendar(feed, context.origin), {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "public, max-age=900" },
  });
}
