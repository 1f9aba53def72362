import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { t } from "../domain/i18n";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "text/calendar", title: t.events.ical.feedName, href: "/kalendarz.ics" },
];

export const meta: MetaFunction = () => [{ title: t.common.appName }, { name: "description", content: t.home.heroLead }];

export async function loader({ context }: LoaderFunctionArgs) {
  const u = context.user;
  // The header shows the unread notification count; it then follows live over socket.io (/powiadomienia).
  const unread = u ? await context.services.notifications.unreadCount(u.id) : 0;
  return json({
    csrfToken: context.csrfToken,
    user: u ? { id: u.id, name: u.name, role: u.role, cityId: u.cityId, cityName: u.cityName, unread } : null,
  });
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

function Document({ children, title }: { children: React.ReactNode; title?: string }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="pl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t.common.skipToContent}
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container footer-inner">
            <p>
              <strong>{t.common.appName}</strong> — {t.common.footer.about}
            </p>
            <p>{t.common.footer.contact}</p>
            <p>
              <a href="/kalendarz.ics">{t.common.footer.calendar}</a>
            </p>
            <p>
              <a href="/deklaracja-dostepnosci">{t.common.footer.accessibility}</a>
            </p>
            <p>© {t.common.owner}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

/** One error page for 403/404/500; the message never includes a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title: string = t.common.errors.serverTitle;
  let message: string = t.common.errors.server;
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (status === 404) [title, message] = [t.common.errors.notFoundTitle, t.common.errors.notFound];
    else if (status === 403) [title, message] = [t.common.errors.forbiddenTitle, error.data?.message ?? t.common.errors.forbidden];
    else if (status === 401) [title, message] = [t.common.errors.unauthorizedTitle, t.common.errors.unauthorized];
    // Every other 4xx (400, 405, 413, 415, 422, 429...) is the request's fault: say so, with the route's message.
    else if (status >= 400 && status < 500) [title, message] = [t.common.errors.badRequestTitle, typeof error.data?.message === "string" ? error.data.message : t.common.errors.badRequest];
  }
  return (
    <Document title={`${title} — ${t.common.appName}`}>
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-code">{status}</p>
        <h1 id="error-title">{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/" className="button">
            {t.common.errors.goHome}
          </a>
        </p>
      </section>
    </Document>
  );
}
