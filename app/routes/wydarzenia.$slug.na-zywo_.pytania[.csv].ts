import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "../../domain/i18n";
import { notFound, requirePermission } from "~/lib/guards.server";

// Spreadsheets treat leading = + - @ as formulas; a leading apostrophe keeps such text inert.
function cell(v: string | number | null): string {
  let s = v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** CSV of the room's questions with votes and answers (moderators only). */
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, "live:moderate");
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  const rows = await context.services.live.questions(event.id);
  const lines = [t.live.csv.header.map(cell).join(",")];
  for (const q of rows) {
    lines.push([q.id, q.body, q.authorName, q.authorCity, q.votes, q.answeredAt ? "tak" : "nie", q.answer, q.createdAt].map(cell).join(","));
  }
  // BOM so Excel opens Polish characters correctly.
  return new Response("\uFEFF" + lines.join("\r\n") + "\r\n", {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="pytania-${event.slug}.csv"` },
  });
}
