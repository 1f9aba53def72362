import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./lib/nonce";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  // Pages render without suspending on the server (the only lazy part, the agenda editor, is rendered in the browser
  // alone), so the whole document is ready at once and is rendered to one string and sent in one piece. Streaming it
  // (renderToPipeableStream) pushed every 2 KB chunk React writes through a PassThrough, a web stream and Express's
  // writer, which cost more CPU per page than the route's loader (bench:pages profile, issue 16) and gained nothing
  // in time to first byte. A render error throws here, and Remix renders the page again with its error boundary.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Handed over as UTF-8 bytes: a string body makes the Fetch Response check the whole page for lone surrogates
  // (undici's toUSVString, 3.6 % of a library page's server time) and encode it again when it is read.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests and 404s are not server faults; everything else is logged (and never shown to the user).
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status === 404)) return;
  console.error(error);
}
