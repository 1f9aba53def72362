import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { t } from "../../domain/i18n";

const n = t.notifications;

export const meta: MetaFunction = () => [{ title: `${n.unsubscribe.title} — ${t.common.appName}` }, { name: "robots", content: "noindex" }];

// The digest is switched by its frequency, not listed among the kinds.
const kindName = (kind: string) => (kind in n.kinds ? n.kinds[kind as keyof typeof n.kinds] : n.digestLegend);

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token") ?? "";

/** GET shows what the link would stop and a button; it changes nothing (link scanners in mail systems open links). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const kind = context.services.notifications.unsubscribeKind(token);
  return json({ token, kind: kind ? kindName(kind) : null }, { status: kind ? 200 : 400 });
}

/**
 * The unsubscribe itself, RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the link from the
 * List-Unsubscribe header, without a session or a CSRF token; the signed token authorises this one change. Our own
 * button posts the same way.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const kind = await context.services.notifications.unsubscribe(tokenOf(request));
  return json({ done: kind ? kindName(kind) : null }, { status: kind ? 200 : 400 });
}

export default function Unsubscribe() {
  const { token, kind } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    return (
      <section aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{n.unsubscribe.doneTitle}</h1>
        <p className="notice notice-ok" role="status">
          {n.unsubscribe.done(result.done)}
        </p>
        <p>
          <a href="/konto/powiadomienia">{n.settingsLink}</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{n.unsubscribe.title}</h1>
      {kind && !result ? (
        <>
          <p>{n.unsubscribe.confirm(kind)}</p>
          {/* A plain form: it works without JavaScript and posts to the very link from the mail. */}
          <form method="post" action={`/powiadomienia/wypisz?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{n.unsubscribe.button}</button>
          </form>
        </>
      ) : (
        <p className="notice notice-warn" role="alert">
          {n.unsubscribe.invalid}
        </p>
      )}
      <p>
        <a href="/konto/powiadomienia">{n.settingsLink}</a>
      </p>
    </section>
  );
}
