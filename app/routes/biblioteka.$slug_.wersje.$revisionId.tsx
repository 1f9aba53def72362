import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { markdownToSafeHtml } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { actorOf, notFound, permissionResponse, requireUser } from "~/lib/guards.server";

const E = t.library.editor;

export const meta: MetaFunction = () => [{ title: `${E.revisions} — ${t.common.appName}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const actor = actorOf(context);
  const { library } = context.services;
  const found = await library.view(actor, params.slug ?? "");
  if (!found) notFound();
  try {
    await library.forEditing(actor, found.id);
  } catch (error) {
    permissionResponse(error, request);
  }
  const rev = await library.revision(found.id, Number(params.revisionId));
  if (!rev) notFound();
  return json({
    slug: found.slug,
    currentTitle: found.title,
    rev: { id: rev.id, createdAt: rev.createdAt, title: rev.title, summary: rev.summary, kind: rev.kind, status: rev.status, tags: rev.tags, areaSlugs: rev.areaSlugs, bodyHtml: markdownToSafeHtml(rev.bodySource) },
  });
}

/** Shows one stored version next to a button that restores it (the restore runs in the edit route's action). */
export default function RevisionView() {
  const { slug, rev } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to={`/biblioteka/${slug}/edycja`}>← {E.revisions}</Link>
      </p>
      <h1>{E.revisionTitle(new Date(rev.createdAt).toLocaleString("pl-PL", { timeZone: "Europe/Warsaw" }))}</h1>
      <dl className="facts">
        <dt>{E.fields.title}</dt>
        <dd>{rev.title}</dd>
        <dt>{E.fields.kind}</dt>
        <dd>{t.library.kinds[rev.kind]}</dd>
        <dt>{E.status}</dt>
        <dd>{t.library.statuses[rev.status]}</dd>
        <dt>{E.fields.tags}</dt>
        <dd>{rev.tags.join(", ")}</dd>
        <dt>{E.fields.areas}</dt>
        <dd>{rev.areaSlugs.join(", ")}</dd>
      </dl>
      <p>{rev.summary}</p>
      <div className="prose library-body" dangerouslySetInnerHTML={{ __html: rev.bodyHtml }} />
      <Form method="post" action={`/biblioteka/${slug}/edycja`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="restore" />
        <input type="hidden" name="revisionId" value={rev.id} />
        <button type="submit" className="button">
          {E.restore}
        </button>
      </Form>
    </article>
  );
}
