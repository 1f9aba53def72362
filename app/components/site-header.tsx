import { Form, useLocation } from "@remix-run/react";
import { NavLink } from "./link";
import { useEffect, useState } from "react";
import { t } from "../../domain/i18n";
import { useUnreadCount } from "~/realtime/unread-count";
import { CsrfInput } from "./csrf-input";

type User = { name: string; role: string; unread?: number } | null;

const links = [
  { to: "/biblioteka", label: t.common.nav.library },
  { to: "/wydarzenia", label: t.common.nav.events },
  { to: "/sieci", label: t.common.nav.networks },
  { to: "/miasta", label: t.common.nav.cities },
  { to: "/ankiety", label: t.surveys.title },
];

/**
 * Site header: brand, one main navigation and the signed-in person's area. Without JavaScript the links simply wrap on
 * small screens; once hydrated, a menu button collapses them there.
 */
export function SiteHeader({ user }: { user: User }) {
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setHydrated(true), []);
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <header className="site-header">
      <div className="container header-inner">
        <a href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            FRL
          </span>
          <span className="brand-text">
            {t.common.appName}
            <small>{t.common.owner}</small>
          </span>
        </a>
        {hydrated ? (
          <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen((o) => !o)}>
            {t.common.nav.menu}
          </button>
        ) : null}
        <div id="site-nav" className={`nav-wrap${hydrated && !open ? " nav-collapsed" : ""}`}>
          <Nav user={user} />
          <form method="get" action="/szukaj" role="search" className="header-search">
            <label htmlFor="site-search" className="visually-hidden">
              {t.common.siteSearch}
            </label>
            <input id="site-search" name="q" type="search" placeholder={t.common.siteSearchPlaceholder} maxLength={200} />
            <button type="submit">{t.common.actions.search}</button>
          </form>
        </div>
      </div>
    </header>
  );
}

function Nav({ user }: { user: User }) {
  return (
    <nav aria-label={t.common.nav.label}>
      <ul className="nav-list">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} prefetch="intent">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <ul className="nav-list nav-user">
        {user ? (
          <>
            <li>
              <NotificationsLink initial={user.unread ?? 0} />
            </li>
            <li>
              <NavLink to="/moje-wydarzenia">{t.common.nav.myEvents}</NavLink>
            </li>
            <li>
              <NavLink to="/konto">{t.common.nav.account}</NavLink>
            </li>
            {user.role === "admin" ? (
              <li>
                <NavLink to="/admin/uzytkownicy">{t.common.nav.admin}</NavLink>
              </li>
            ) : null}
            <li>
              <Form method="post" action="/logout" className="inline-form">
                <CsrfInput />
                <button type="submit" className="link-button">
                  {t.common.nav.logout}
                </button>
              </Form>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/login">{t.common.nav.login}</NavLink>
            </li>
            <li>
              <NavLink to="/register" className="button button-small">
                {t.common.nav.register}
              </NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** "Powiadomienia (2 nieprzeczytane)": the count arrives live; the visible number is part of the link's name. */
function NotificationsLink({ initial }: { initial: number }) {
  const unread = useUnreadCount(initial, true);
  return (
    <NavLink to="/powiadomienia" id="header-notifications" data-unread={unread}>
      {t.notifications.centreTitle}
      {unread > 0 ? (
        <>
          {" "}
          <span className="badge badge-red" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden"> ({t.notifications.unreadCount(unread)})</span>
        </>
      ) : null}
    </NavLink>
  );
}
