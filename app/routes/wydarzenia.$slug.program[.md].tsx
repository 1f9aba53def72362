import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, notFound } from "~/lib/guards.server";

// Markdown download of the programme: published version, or the draft for co-designers (?szkic=1).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { events, agenda } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const wantsDraft = new URL(request.url).searchParams.get("szkic") === "1";
  const access = await agenda.access(actorOf(context), event);
  const content = wantsDraft && access !== "none" ? await agenda.current(event.id) : (await agenda.published(event.id))?.content;
  if (!content) notFound();
  return new Response(agenda.renderMarkdown(event.title, content), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="program-${event.slug}.md"`,
      "cache-control": "no-store",
    },
  });
}
