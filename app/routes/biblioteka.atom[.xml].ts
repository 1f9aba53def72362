import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "../../domain/i18n";

/** Atom feed (issue 15), optionally for one thematic area: ?obszar=<slug>. An unknown area is a 404 in Polish. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const area = new URL(request.url).searchParams.get("obszar");
  const xml = await context.services.notifications.feeds.library(area ? area.slice(0, 64) : null);
  if (xml === null) return new Response(t.common.errors.notFound, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=900" } });
}

// The sibling page route (/…/:slug) takes POSTs, so the malformed-input guard lets them through to here: answer
// with the Polish 405 instead of Remix's English "Unexpected Server Error".
export function action() {
  return new Response(t.common.errors.methodNotAllowed, { status: 405, headers: { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" } });
}
