import { t } from "../../domain/i18n";

const AREA = /^[a-z0-9-]{1,64}$/;

/**
 * <link rel="alternate" type="application/atom+xml"> for a page's Atom feed, plus one per thematic area the page is
 * filtered by, so a feed reader offers "this list" as well as everything.
 */
export function atomLinks(href: string, title: string, areas: string[]) {
  const all = { tagName: "link", rel: "alternate", type: "application/atom+xml", title: t.notifications.feeds.alternate(title), href };
  const byArea = areas
    .filter((a) => AREA.test(a))
    .slice(0, 6)
    .map((a) => ({ ...all, title: t.notifications.feeds.alternate(`${title}: ${a}`), href: `${href}?obszar=${encodeURIComponent(a)}` }));
  return [all, ...byArea];
}
