import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { sanitizeBodyHtml } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { apiRateLimited } from "~/lib/api-rate-limit.server";

const headers = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };

/** GET /api/library/{slug}: one published library item as JSON. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, headers);
  if (limited) return limited;
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) {
    return json({ error: { code: "bad_parameter", message: t.library.api.badParam("slug", t.library.api.reasons.slug), parameter: "slug" } }, { status: 400, headers });
  }
  const item = await context.services.library.published(slug);
  if (!item) return json({ error: { code: "not_found", message: t.library.api.notFound } }, { status: 404, headers });
  const attachments = await context.services.library.attachments(item.id);
  return json(
    {
      id: item.id,
      externalId: item.externalId,
      slug: item.slug,
      kind: item.kind,
      title: item.title,
      summary: item.summary,
      bodyHtml: sanitizeBodyHtml(item.bodyHtml),
      areas: item.areas.map((a) => a.slug),
      tags: item.tags,
      authors: item.authors,
      city: item.city,
      event: item.event ? { slug: item.event.slug, title: item.event.title, startsAt: item.event.startsAt } : null,
      year: item.year,
      publishedOn: item.publishedOn,
      externalUrl: item.externalUrl,
      videoUrl: item.videoUrl,
      durationMinutes: item.durationMinutes,
      goodPractice:
        item.kind === "good_practice"
          ? { problem: item.problem, solution: item.solution, results: item.results, costAndFunding: item.costAndFunding, period: item.period, contact: item.contact }
          : null,
      attachments: attachments.map((a) => ({ fileName: a.fileName, mime: a.mime, sizeBytes: a.sizeBytes, url: `/biblioteka/${item.slug}/zalaczniki/${a.id}` })),
      url: `/biblioteka/${item.slug}`,
      updatedAt: item.updatedAt,
    },
    { headers },
  );
}
