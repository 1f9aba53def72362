import { Form, NavLink } from "@remix-run/react";
import { t } from "~/i18n";
import { CsrfInput } from "./csrf-input";

type User = { name: string; role: string } | null;

const links = [
  { to: "/biblioteka", label: t.common.nav.library },
  { to: "/wydarzenia", label: t.common.nav.events },
  { to: "/sieci", label: t.common.nav.networks },
  { to: "/miasta", label: t.common.nav.cities },
];

/** Site header: brand, main navigation and the signed-in person's area. Works without JavaScript (details/summary). */
export function SiteHeader({ user }: { user: User }) {
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
        <details className="nav-toggle">
          <summary>{t.common.nav.menu}</summary>
          <Nav user={user} />
        </details>
        <div className="nav-wide">
          <Nav user={user} />
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
