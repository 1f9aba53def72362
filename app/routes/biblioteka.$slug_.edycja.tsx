import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { InputError, isNamedError, LIBRARY_STATUSES, MAX_ATTACHMENT_BYTES, UploadError } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { formatBytes } from "~/components/library-format";
import { LibraryItemForm } from "~/components/library-item-form";
import { t } from "../../domain/i18n";
import { readForm, type FormFailure } from "~/lib/forms.server";
import { actorOf, notFound, permissionResponse, requireUser } from "~/lib/guards.server";
import { itemFormValues, libraryFormOptions, submitLibraryForm } from "~/lib/library-editor.server";

const E = t.library.editor;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? E.editTitle(data.item.title) : E.newTitle} — ${t.common.appName}` }];

async function load(request: Request, context: LoaderFunctionArgs["context"], slug: string) {
  requireUser(context, request);
  const actor = actorOf(context);
  const { library } = context.services;
  const found = await library.view(actor, slug);
  if (!found) notFound();
  try {
    return { actor, item: await library.forEditing(actor, found.id) };
  } catch (error) {
    return permissionResponse(error, request);
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, item } = await load(request, context, params.slug ?? "");
  const { library, cities } = context.services;
  const [options, revisions, attachments, cityText] = await Promise.all([libraryFormOptions(context, actor), library.revisions(item.id), library.attachments(item.id), cities.fieldText(item.cityId)]);
  return json({
    item: { id: item.id, slug: item.slug, title: item.title, status: item.status },
    values: itemFormValues(item, cityText),
    options,
    transitions: library.access(actor, item).to,
    revisions,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, item } = await load(request, context, params.slug ?? "");
  const { library } = context.services;
  const base = `/biblioteka/${item.slug}/edycja`;
  // Refuse an oversize upload before reading the body into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024) {
    return json({ uploadError: t.library.upload.tooLarge(MAX_ATTACHMENT_BYTES / 1024 / 1024) }, { status: 413 });
  }
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const limited = await context.services.limiter.hit(`library-edit:${actor!.id}`, 120, 10 * 60_000);
  if (!limited.allowed) return json({ statusError: t.common.errors.rateLimited(Math.ceil(limited.retryAfterMs / 60_000)) }, { status: 429 });
  try {
    if (intent === "save") {
      return await submitLibraryForm(context, form, async (data) => {
        const { slug } = await library.update(actor, item.id, data);
        return redirect(`/biblioteka/${slug}/edycja?zapisano=1`);
      });
    }
    if (intent === "status") {
      const to = String(form.get("to"));
      if (!(LIBRARY_STATUSES as readonly string[]).includes(to)) return json({ statusError: t.library.validation.transition }, { status: 400 });
      await library.transition(actor, item.id, to as (typeof LIBRARY_STATUSES)[number]);
      return redirect(`${base}?status=${to}`);
    }
    if (intent === "restore") {
      await library.restore(actor, item.id, Number(form.get("revisionId")));
      return redirect(`${base}?przywrocono=1`);
    }
    if (intent === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return json({ uploadError: t.library.upload.missing }, { status: 400 });
      await library.attach(actor, item.id, file.name, new Uint8Array(await file.arrayBuffer()));
      return redirect(`${base}?zalacznik=1`);
    }
    if (intent === "detach") {
      await library.detach(actor, item.id, Number(form.get("attachmentId")));
      return redirect(`${base}?usunieto=1`);
    }
  } catch (error) {
    if (isNamedError(error, UploadError)) return json({ uploadError: error.message }, { status: error.status });
    if (isNamedError(error, InputError)) return json({ statusError: error.message }, { status: 400 });
    return permissionResponse(error, request);
  }
  return json({ statusError: t.common.errors.badRequestTitle }, { status: 400 });
}

type ActionData = FormFailure & { uploadError?: string; statusError?: string };

export default function EditLibraryItem() {
  const { item, values, options, transitions, revisions, attachments } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as ActionData | undefined;
  const [sp] = useSearchParams();
  const flash = sp.get("zapisano") ? E.saved : sp.get("status") ? E.statusChanged(t.library.statuses[sp.get("status") as "draft"] ?? "") : sp.get("przywrocono") ? E.restored : sp.get("zalacznik") ? E.uploaded : sp.get("usunieto") ? E.attachmentRemoved : null;
  return (
    <section aria-labelledby="form-title">
      <p>
        <Link to={`/biblioteka/${item.slug}`}>← {item.title}</Link>
      </p>
      <h1 id="form-title">{E.editTitle(item.title)}</h1>
      {flash ? (
        <p className="notice notice-ok" role="status">
          {flash}
        </p>
      ) : null}
      <div className="layout-2col">
        <div>
          <LibraryItemForm values={failed?.values ?? values} errors={failed?.fieldErrors} formError={failed?.formError} options={options} submitLabel={E.save} />
        </div>
        <aside className="aside-box">
          <h2>{E.status}</h2>
          <p>
            <span className="badge">{t.library.statuses[item.status]}</span>
          </p>
          {failed?.statusError ? (
            <p className="field-error" role="alert">
              {failed.statusError}
            </p>
          ) : null}
          <div className="actions">
            {transitions.map((to) => (
              <Form method="post" key={to}>
                <CsrfInput />
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="to" value={to} />
                <button type="submit" className={to === "published" ? "button" : "button button-secondary"}>
                  {to === "published" ? E.transitions.publish : to === "in_review" ? E.transitions.submit : item.status === "published" ? E.transitions.unpublish : E.transitions.withdraw}
                </button>
              </Form>
            ))}
          </div>

          <h2>{E.attachments}</h2>
          {attachments.length ? (
            <ul className="plain-list attachment-list">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/biblioteka/${item.slug}/zalaczniki/${a.id}`}>{a.fileName}</a> <span className="card-meta">{formatBytes(a.sizeBytes)}</span>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="detach" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <button type="submit" className="link-button" aria-label={`${E.removeAttachment}: ${a.fileName}`}>
                      {E.removeAttachment}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" encType="multipart/form-data">
            <CsrfInput />
            <input type="hidden" name="intent" value="upload" />
            <div className={`field${failed?.uploadError ? " has-error" : ""}`}>
              <label htmlFor="file">{E.upload}</label>
              <input id="file" name="file" type="file" accept=".pdf,.docx,.pptx,.xlsx" aria-describedby={failed?.uploadError ? "file-hint file-error" : "file-hint"} />
              <p id="file-hint" className="field-hint">
                {E.uploadHint}
              </p>
              {failed?.uploadError ? (
                <p id="file-error" className="field-error" role="alert">
                  {failed.uploadError}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button-secondary">
              {E.upload}
            </button>
          </Form>

          <h2>{E.revisions}</h2>
          {revisions.length ? (
            <ul className="plain-list revision-list">
              {revisions.slice(0, 30).map((r) => (
                <li key={r.id}>
                  <Link to={`/biblioteka/${item.slug}/wersje/${r.id}`}>{E.revisionTitle(new Date(r.createdAt).toLocaleString("pl-PL", { timeZone: "Europe/Warsaw" }))}</Link>
                  {r.savedByName ? <span className="card-meta">{r.savedByName}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="card-meta">{E.noRevisions}</p>
          )}
        </aside>
      </div>
    </section>
  );
}
