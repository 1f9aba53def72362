import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { markReadSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { formatDate } from "~/lib/format";
import { formToObject, readForm } from "~/lib/forms.server";
import { requireUser } from "~/lib/guards.server";

const n = t.notifications;

export const meta: MetaFunction = () => [{ title: `${n.centreTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const [items, unread] = await Promise.all([context.services.notifications.list(user.id), context.services.notifications.unreadCount(user.id)]);
  return json({ items, unread });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await readForm(request, context);
  const parsed = markReadSchema.safeParse({ ...formToObject(form), intent: form.get("intent") });
  if (!parsed.success) return json({ ok: false as const, message: n.badChoice }, { status: 400 });
  // Another person's id changes nothing (the repository matches on the owner too).
  await context.services.notifications.markRead(user.id, parsed.data.intent === "read" ? parsed.data.id : "all");
  return json({ ok: true as const, message: parsed.data.intent === "read" ? n.markedRead : n.markedAllRead });
}

export default function NotificationCentre() {
  const { items, unread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{n.centreTitle}</h1>
      <p>{n.centreIntro}</p>
      <p>
        <Link to="/konto/powiadomienia">{n.settingsLink}</Link>
      </p>
      {result ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      <p id="unread-summary">{n.unreadCount(unread)}</p>
      {unread > 0 ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="read-all">
            {n.markAllRead}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{n.empty}</p>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? "notification is-read" : "notification is-unread"}>
              <h2 className="notification-title">
                {item.readAt ? null : <span className="badge badge-red">{n.unread}</span>} {item.url ? <Link to={item.url}>{item.title}</Link> : item.title}
              </h2>
              <p>{item.body}</p>
              <p className="hint">
                <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
              </p>
              {item.readAt ? null : (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" name="intent" value="read" className="button-small" aria-label={`${n.markRead}: ${item.title}`}>
                    {n.markRead}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
