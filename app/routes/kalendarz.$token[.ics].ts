import type { LoaderFunctionArgs } from "@remix-run/node";

const headers = { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" };

/** A person's own calendar feed (/kalendarz/<token>.ics): their registered events, join links for confirmed ones. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const ics = await context.services.events.calendar.feed(params.token ?? "", context.origin);
  if (!ics) throw new Response("Nie ma takiego kalendarza. Link mógł zostać zmieniony — nowy znajdziesz na stronie Moje konto.", { status: 404, headers });
  // The feed carries join links: no shared cache may keep it, and the token must not leak through Referer.
  return new Response(ics, {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  });
}
