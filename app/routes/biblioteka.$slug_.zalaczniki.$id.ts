import type { LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { actorOf, notFound } from "~/lib/guards.server";

// Attachment download: visible to whoever may see the item; served as a download with the type checked at upload.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { library } = context.services;
  const item = await library.view(actorOf(context), params.slug ?? "");
  const id = Number(params.id);
  if (!item || !Number.isInteger(id)) notFound();
  const a = await library.attachment(id);
  if (!a || a.itemId !== item.id) notFound();
  const body = Readable.toWeb(library.openAttachment(a.storageKey)) as ReadableStream;
  return new Response(body, {
    headers: {
      "Content-Type": a.mime,
      "Content-Length": String(a.sizeBytes),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
    },
  });
}
