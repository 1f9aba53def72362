import { Feed } from "feed";
import type { DbHandle } from "../../db/index.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { listEvents } from "../../db/repositories/events.js";
import { listRecentPublishedLibrary } from "../../db/repositories/library-feed.js";
import { events as te } from "../../domain/i18n/pl/events.js";
import { library as tl } from "../../domain/i18n/pl/library.js";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";

const ENTRIES = 50;

export type FeedService = ReturnType<typeof createFeedService>;

/**
 * Atom feeds of the library and of events (issue 15), optionally for one thematic area (`?obszar=<slug>`). Links come
 * from the configured origin (PUBLIC_URL), never from the request's Host header. An unknown area is null (404).
 */
export function createFeedService(deps: { db: DbHandle; origin: () => string }) {
  const db = deps.db.db;

  async function areaOf(slug: string | null): Promise<{ slug: string; name: string } | null | undefined> {
    if (!slug) return undefined;
    const [area] = await findAreasBySlugs(db, [slug]);
    return area ? { slug: area.slug, name: area.name } : null;
  }

  function feedFor(path: string, title: string, description: string, area: { slug: string; name: string } | undefined, updated: Date) {
    const base = deps.origin();
    const query = area ? `?obszar=${encodeURIComponent(area.slug)}` : "";
    return new Feed({
      id: `${base}${path}/atom.xml${query}`,
      title: area ? t.feeds.inArea(title, area.name) : title,
      description,
      link: `${base}${path}${area ? `?area=${encodeURIComponent(area.slug)}` : ""}`,
      language: "pl",
      updated,
      generator: false,
      copyright: "Związek Miast Polskich",
      feedLinks: { atom: `${base}${path}/atom.xml${query}` },
    });
  }

  return {
    /** The newest published library items as Atom XML, or null for an unknown area. */
    async library(areaSlug: string | null): Promise<string | null> {
      const area = await areaOf(areaSlug);
      if (area === null) return null;
      const items = await listRecentPublishedLibrary(db, { areaSlug: area?.slug, limit: ENTRIES });
      const feed = feedFor("/biblioteka", t.feeds.library, t.feeds.libraryDescription, area, new Date(items[0]?.updatedAt ?? 0));
      for (const i of items) {
        const link = `${deps.origin()}/biblioteka/${i.slug}`;
        feed.addItem({ id: link, link, title: i.title, description: i.summary, date: new Date(i.updatedAt), published: new Date(i.createdAt), category: [{ name: tl.kinds[i.kind] }] });
      }
      return feed.atom1();
    },

    /** Upcoming events, soonest first, as Atom XML, or null for an unknown area. */
    async events(areaSlug: string | null): Promise<string | null> {
      const area = await areaOf(areaSlug);
      if (area === null) return null;
      const list = await listEvents(db, { when: "upcoming", area: area?.slug, limit: ENTRIES });
      const feed = feedFor("/wydarzenia", t.feeds.events, t.feeds.eventsDescription, area, new Date(Math.max(0, ...list.map((e) => Date.parse(e.updatedAt)))));
      for (const e of list) {
        const link = `${deps.origin()}/wydarzenia/${e.slug}`;
        feed.addItem({
          id: link,
          link,
          title: `${e.title} (${t.mail.whenText(e.startsAt)})`,
          description: `${te.kinds[e.kind]}, ${e.place ?? te.formats[e.format]}. ${t.mail.whenText(e.startsAt)}.`,
          date: new Date(e.updatedAt),
          published: new Date(e.createdAt),
          category: e.areas.map((a) => ({ name: a.name, term: a.slug })),
        });
      }
      return feed.atom1();
    },
  };
}
