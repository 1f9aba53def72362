import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { sanitizeBodyHtml } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { LibraryBackLink } from "~/components/library-back-link";
import { formatBytes } from "~/components/library-format";
import { actorOf, notFound } from "~/lib/guards.server";

const L = t.library;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.item.title} — ${L.title} — ${t.common.appName}` }, { name: "description", content: data.item.summary.slice(0, 200) }] : [{ title: t.common.errors.notFoundTitle }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { library } = context.services;
  const actor = actorOf(context);
  const item = await library.view(actor, params.slug ?? "");
  if (!item) notFound();
  const [attachments, related] = await Promise.all([library.attachments(item.id), library.related(item, actor)]);
  const access = library.access(actor, item);
  // Imported good practices often repeat their sections in the body; show a section on its own only when it adds text.
  const bodyText = item.bodyText.replace(/\s+/g, " ");
  const fresh = (v: string | null) => (v && !bodyText.includes(v.replace(/\s+/g, " ").slice(0, 80)) ? v : null);
  return json({
    // Only what the page shows: a column added to the table later does not reach the browser by itself.
    item: {
      slug: item.slug,
      kind: item.kind,
      status: item.status,
      membersOnly: item.membersOnlyIn.length > 0,
      title: item.title,
      summary: item.summary,
      year: item.year,
      publishedOn: item.publishedOn,
      tags: item.tags,
      authors: item.authors,
      areas: item.areas.map((a) => ({ slug: a.slug, name: a.name })),
      city: item.city && { slug: item.city.slug, name: item.city.name },
      event: item.event && { slug: item.event.slug, title: item.event.title },
      externalUrl: item.externalUrl,
      videoUrl: item.videoUrl,
      durationMinutes: item.durationMinutes,
      problem: fresh(item.problem),
      solution: fresh(item.solution),
      results: fresh(item.results),
      costAndFunding: fresh(item.costAndFunding),
      period: item.period,
      contact: item.contact,
      // Stored sanitised; sanitised again on the way out so a row written by any other path cannot carry script.
      bodyHtml: sanitizeBodyHtml(item.bodyHtml),
    },
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, mime: a.mime, sizeBytes: a.sizeBytes })),
    related,
    canEdit: access.edit,
  });
}

const gpFields = ["problem", "solution", "results", "costAndFunding", "period", "contact"] as const;

export default function LibraryItemPage() {
  const { item, attachments, related, canEdit } = useLoaderData<typeof loader>();
  const kind = L.kinds[item.kind];
  return (
    <article className="library-item">
      <p className="breadcrumb">
        <LibraryBackLink />
      </p>
      <p className="card-meta">
        <span className="badge">{kind}</span>
        {item.membersOnly ? <> <span className="badge">{t.networks.membersOnlyBadge}</span></> : null}
        {item.year ? <> · {item.year}</> : null}
      </p>
      <h1>{item.title}</h1>
      {item.status !== "published" ? <p className="notice notice-warn">{L.item.notPublished(L.statuses[item.status])}</p> : null}
      {canEdit ? (
        <p>
          <Link to={`/biblioteka/${item.slug}/edycja`} className="button button-secondary button-small">
            {L.item.edit}
          </Link>
        </p>
      ) : null}
      {item.summary ? <p className="lead">{item.summary}</p> : null}
      <div className="layout-2col">
        <div>
          {item.kind === "good_practice" && gpFields.some((f) => item[f]) ? (
            <section className="gp-card" aria-labelledby="gp-heading">
              <h2 id="gp-heading">{L.editor.goodPracticeSection}</h2>
              {gpFields.map((f) =>
                item[f] ? (
                  <section key={f}>
                    <h3>{L.item[f]}</h3>
                    <p>{item[f]}</p>
                  </section>
                ) : null,
              )}
            </section>
          ) : null}
          {item.bodyHtml ? <div className="prose library-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} /> : null}
          <section aria-labelledby="att-heading">
            <h2 id="att-heading">{L.item.attachments}</h2>
            {attachments.length ? (
              <ul className="plain-list attachment-list">
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/biblioteka/${item.slug}/zalaczniki/${a.id}`} download>
                      {a.fileName}
                    </a>
                    <span className="card-meta">
                      {a.mime === "application/pdf" ? "PDF" : a.fileName.split(".").pop()?.toUpperCase()}, {formatBytes(a.sizeBytes)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="card-meta">{L.item.noAttachments}</p>
            )}
          </section>
        </div>
        <aside className="aside-box" aria-label={L.item.summary}>
          <dl className="facts">
            {item.authors.length ? (
              <>
                <dt>{L.item.authors}</dt>
                <dd>{item.authors.join(", ")}</dd>
              </>
            ) : null}
            {item.city ? (
              <>
                <dt>{L.item.city}</dt>
                <dd>
                  <Link to={`/miasta/${item.city.slug}`}>{item.city.name}</Link>
                </dd>
              </>
            ) : null}
            {item.event ? (
              <>
                <dt>{L.item.event}</dt>
                <dd>
                  <Link to={`/wydarzenia/${item.event.slug}`}>{item.event.title}</Link>
                </dd>
              </>
            ) : null}
            {item.publishedOn ? (
              <>
                <dt>{L.item.publishedOn}</dt>
                <dd>{item.publishedOn}</dd>
              </>
            ) : null}
            {item.areas.length ? (
              <>
                <dt>{L.item.areas}</dt>
                <dd>
                  {item.areas.map((a) => (
                    <Link key={a.slug} to={`/biblioteka?area=${a.slug}`} className="tag">
                      {a.name}
                    </Link>
                  ))}
                </dd>
              </>
            ) : null}
            {item.tags.length ? (
              <>
                <dt>{L.item.tags}</dt>
                <dd>
                  {item.tags.map((tag) => (
                    <Link key={tag} to={`/biblioteka?q=${encodeURIComponent(tag)}`} className="tag">
                      {tag}
                    </Link>
                  ))}
                </dd>
              </>
            ) : null}
            {item.videoUrl ? (
              <>
                <dt>{L.item.video}</dt>
                <dd>
                  <a href={item.videoUrl} rel="noopener noreferrer">
                    {L.item.watch}
                  </a>
                  {item.durationMinutes ? ` (${L.item.duration(item.durationMinutes)})` : null}
                </dd>
              </>
            ) : null}
            {item.externalUrl ? (
              <>
                <dt>{L.item.externalUrl}</dt>
                <dd>
                  <a href={item.externalUrl} rel="noopener noreferrer">
                    {L.item.openExternal}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {related.length ? (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">{L.item.related}</h2>
              <ul className="plain-list">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link to={`/biblioteka/${r.slug}`}>{r.title}</Link>
                    <span className="card-meta"> · {L.kinds[r.kind]}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
