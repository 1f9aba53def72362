// The app's Link and NavLink write plain-path links on the server without Remix's router machinery (issue 16,
// docs/decisions/0011-server-links.md). The browser hydrates that markup with Remix's own links, so the two must write
// exactly the same HTML: each case below is rendered both ways inside the same server router and compared.
import { Link as RemixLink, NavLink as RemixNavLink } from "@remix-run/react";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { isPlainPath, Link, NavLink } from "../../app/components/link.js";

// Renders `element` as the page at `url`, the way the server renders a route: a static data router and its provider.
async function renderAt(url: string, element: ReactNode): Promise<string> {
  const routes = [{ path: "*", element }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

type AnyProps = Record<string, unknown>;
const both = async (url: string, ours: ComponentType<AnyProps>, remix: ComponentType<AnyProps>, props: AnyProps, children: unknown = "Biblioteka") => ({
  ours: await renderAt(url, createElement(ours, props, children as ReactNode)),
  remix: await renderAt(url, createElement(remix, props, children as ReactNode)),
});

const plainCount = 12; // the first 12 cases are plain site paths, written by the fast path
const linkCases: AnyProps[] = [
  { to: "/biblioteka" },
  { to: "/" },
  { to: "/biblioteka?kind=tool&area=finanse&q=rewitalizacja+miast" },
  { to: "/wydarzenia/slug#program" },
  { to: "/biblioteka", className: "button button-secondary", id: "x", "aria-label": "Biblioteka FRL", "data-testid": "lib" },
  { to: "/kalendarz.ics", reloadDocument: true },
  { to: "/biblioteka", discover: "none" },
  { to: "/biblioteka", prefetch: "intent" },
  { to: "/biblioteka", prefetch: "render" },
  { to: "/biblioteka", target: "_blank", rel: "noopener noreferrer" },
  { to: "/biblioteka", replace: true, state: { from: "home" }, preventScrollReset: true, viewTransition: true },
  { to: "/biblioteka/%C5%82odz" },
  // Not plain paths: these take Remix's own link on the server too.
  { to: "?page=2" },
  { to: "../sieci" },
  { to: "wersje" },
  { to: { pathname: "/biblioteka", search: "?kind=tool" } },
  { to: "https://example.org/x" },
  { to: "//example.org/x" },
  { to: "/miasta/łódź" },
  { to: "/biblioteka?" },
  { to: "/biblioteka#" },
  { to: "/a b" },
];

describe("server links write what Remix's links write", () => {
  it("plain site paths take the fast path, everything else Remix's link", () => {
    expect(linkCases.slice(0, plainCount).every((c) => isPlainPath(c.to))).toBe(true);
    expect(linkCases.slice(plainCount).some((c) => isPlainPath(c.to))).toBe(false);
  });

  it.each(linkCases)("Link %o", async (props) => {
    const { ours, remix } = await both("/biblioteka/abc?x=1", Link as unknown as ComponentType<AnyProps>, RemixLink as unknown as ComponentType<AnyProps>, props);
    expect(ours).toBe(remix);
    expect(ours).toContain("<a ");
  });

  const navCases: [string, AnyProps][] = [
    ["/biblioteka/abc", { to: "/biblioteka" }],
    ["/biblioteka", { to: "/biblioteka" }],
    ["/biblioteka/abc", { to: "/biblioteka", end: true }],
    ["/biblioteka-stara", { to: "/biblioteka" }],
    ["/Biblioteka/abc", { to: "/biblioteka" }],
    ["/Biblioteka/abc", { to: "/biblioteka", caseSensitive: true }],
    ["/biblioteka/abc", { to: "/biblioteka/" }],
    ["/", { to: "/" }],
    ["/biblioteka", { to: "/" }],
    ["/biblioteka", { to: "/biblioteka?kind=tool" }],
    ["/biblioteka", { to: "/wydarzenia", className: "button button-small" }],
    ["/biblioteka", { to: "/biblioteka", className: ({ isActive }: { isActive: boolean }) => (isActive ? "on" : "off") }],
    ["/biblioteka", { to: "/biblioteka", style: ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 400 }) }],
    ["/biblioteka", { to: "/biblioteka", "aria-current": "location" }],
    ["/biblioteka", { to: "/biblioteka", prefetch: "intent", id: "header-notifications", "data-unread": 3 }],
    ["/biblioteka/abc", { to: "." }],
    ["/biblioteka/abc", { to: { pathname: "/biblioteka" } }],
  ];
  it.each(navCases)("NavLink at %s %o", async (url, props) => {
    const { ours, remix } = await both(url, NavLink as unknown as ComponentType<AnyProps>, RemixNavLink as unknown as ComponentType<AnyProps>, props);
    expect(ours).toBe(remix);
  });

  it("NavLink children as a function see the same state", async () => {
    const children = ({ isActive, isPending }: { isActive: boolean; isPending: boolean }) => `${isActive ? "aktywny" : "nieaktywny"}/${isPending}`;
    const { ours, remix } = await both("/biblioteka/abc", NavLink as unknown as ComponentType<AnyProps>, RemixNavLink as unknown as ComponentType<AnyProps>, { to: "/biblioteka" }, children);
    expect(ours).toBe(remix);
    expect(ours).toContain("aktywny/false");
  });

  it("an active NavLink is marked for assistive technology", async () => {
    const html = await renderAt("/wydarzenia/x", createElement(NavLink, { to: "/wydarzenia" }, "Wydarzenia"));
    expect(html).toBe('<a data-discover="true" aria-current="page" class="active" href="/wydarzenia">Wydarzenia</a>');
  });
});
