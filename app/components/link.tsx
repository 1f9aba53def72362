import { Link as RemixLink, NavLink as RemixNavLink, useLocation } from "@remix-run/react";
import type { LinkProps, NavLinkProps } from "@remix-run/react";
import { forwardRef } from "react";

/**
 * The app's `Link` and `NavLink`: Remix's own in the browser; on the server, a link to a plain site path
 * ("/biblioteka?kind=…") is written straight as the anchor Remix would write.
 *
 * Why (issue 16, docs/decisions/0011-server-links.md): on the server a Remix link resolves its target three or four
 * times (each `useHref` and `useResolvedPath` serialises the route matches to JSON and parses them back, a `NavLink`
 * also builds a `URL` to encode it) and sets up click, prefetch and focus handlers that a server never runs. With
 * ~25 links in the header, footer and cards that was 13 % of a page's server time. The browser hydrates the same
 * markup with Remix's links, which then handle clicks, prefetching and route discovery as before.
 *
 * Anything the fast path is not sure to write exactly as Remix would — a relative or object target, a protocol-
 * relative or absolute URL, characters a URL would percent-encode — goes through Remix's link on the server too.
 * tests/link-markup.test.tsx renders both for every kind of link the app uses and requires identical HTML.
 */

const onServer = typeof document === "undefined";

// A site path whose href is the target itself: starts with one "/", no characters that need percent-encoding, not a
// bare "?" or "#" at the end (the router drops those).
const plainPath = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/%?#]*$/;
export const isPlainPath = (to: unknown): to is string => typeof to === "string" && plainPath.test(to) && !/[?#]$/.test(to);

// Props the router reads and never writes into the anchor; a NavLink also reads its own (and writes some back itself).
const linkProps = new Set(["to", "target", "prefetch", "discover", "reloadDocument", "replace", "state", "preventScrollReset", "relative", "viewTransition", "unstable_viewTransition"]);
const navLinkProps = new Set([...linkProps, "aria-current", "caseSensitive", "className", "end", "style", "children"]);

// The caller's attributes in the order given, then data-discover, as Remix writes them. A plain for-in copy: object
// rest with many excluded keys was the costliest line of a link.
function anchorAttributes(props: object, routerProps: Set<string>): Record<string, unknown> {
  const given = props as Record<string, unknown>;
  const attributes: Record<string, unknown> = {};
  for (const key in given) if (!routerProps.has(key)) attributes[key] = given[key];
  attributes["data-discover"] = given.discover === "none" || given.reloadDocument ? undefined : "true";
  return attributes;
}

const ServerLink = forwardRef<HTMLAnchorElement, LinkProps>(function ServerLink(props, ref) {
  if (!isPlainPath(props.to)) return <RemixLink ref={ref} {...props} />;
  const attributes = anchorAttributes(props, linkProps);
  attributes.href = props.to;
  attributes.ref = ref;
  attributes.target = props.target;
  return <a {...attributes} />;
});

const ServerNavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function ServerNavLink(props, ref) {
  const location = useLocation();
  if (!isPlainPath(props.to)) return <RemixNavLink ref={ref} {...props} />;
  const { to, "aria-current": ariaCurrentProp = "page", caseSensitive = false, className: classNameProp = "", end = false, style: styleProp, children } = props;
  // The same rule as react-router's NavLink: the current path is the target or lies under it (unless `end`).
  const cut = to.search(/[?#]/);
  let toPathname = cut < 0 ? to : to.slice(0, cut);
  let locationPathname = location.pathname;
  if (!caseSensitive) {
    toPathname = toPathname.toLowerCase();
    locationPathname = locationPathname.toLowerCase();
  }
  const endSlash = toPathname !== "/" && toPathname.endsWith("/") ? toPathname.length - 1 : toPathname.length;
  const isActive = locationPathname === toPathname || (!end && locationPathname.startsWith(toPathname) && locationPathname.charAt(endSlash) === "/");
  // A page rendered on the server has no navigation under way.
  const renderProps = { isActive, isPending: false, isTransitioning: false };
  const attributes = anchorAttributes(props, navLinkProps);
  attributes["aria-current"] = isActive ? ariaCurrentProp : undefined;
  attributes.className = typeof classNameProp === "function" ? classNameProp(renderProps) : isActive ? (classNameProp ? `${classNameProp} active` : "active") : classNameProp;
  attributes.style = typeof styleProp === "function" ? styleProp(renderProps) : styleProp;
  attributes.href = to;
  attributes.ref = ref;
  attributes.target = props.target;
  attributes.children = typeof children === "function" ? children(renderProps) : children;
  return <a {...attributes} />;
});

export const Link = onServer ? ServerLink : RemixLink;
export const NavLink = onServer ? ServerNavLink : RemixNavLink;
export type { LinkProps, NavLinkProps };
