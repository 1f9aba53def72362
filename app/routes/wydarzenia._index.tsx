import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can, eventCardView, eventListQuerySchema } from "~/lib/server-modules.server";
import { EventCard } from "~/components/event-card";
import { Select } from "~/components/field";
import { atomLinks } from "~/lib/feed-links";
import { t } from "../../domain/i18n";
import { actorOf } from "~/lib/guards.server";

const PAGE_SIZE = 12;

export const meta: MetaFunction = ({ location }) => [
  { title: `${t.events.title} — ${t.common.appName}` },
  ...atomLinks("/wydarzenia/atom.xml", t.notifications.feeds.events, new URLSearchParams(location.search).getAll("area")),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const q = eventListQuerySchema.parse(params);
  const { areas: areaService, events } = context.services;
  const filter = { when: q.when, kind: q.kind, area: q.area || undefined } as const;
  const [list, total, areas] = await Promise.all([
    events.cards({ ...filter, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
    events.count(filter),
    areaService.list(),
  ]);
  const markers = await events.markers(list);
  return json({ list: list.map((e) => eventCardView(e, markers[e.id])), total, areas, query: q, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), canManage: can(actorOf(context), "event:manage") });
}

export default function EventsIndex() {
  const { list, areas, query, pages, canManage } = useLoaderData<typeof loader>();
  const link = (patch: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    const merged = { when: query.when, kind: query.kind, area: query.area, page: undefined as number | undefined, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) p.set(k, String(v));
    return `/wydarzenia?${p}`;
  };
  return (
    <>
      <h1>{t.events.title}</h1>
      <p>{t.events.intro}</p>
      {canManage ? (
        <p>
          <Link to="/wydarzenia/nowe" className="button">
            {t.events.create}
          </Link>
        </p>
      ) : null}
      <nav className="tabs" aria-label={t.events.title}>
        <Link to={link({ when: "upcoming" })} aria-current={query.when === "upcoming" ? "page" : undefined}>
          {t.events.upcoming}
        </Link>
        <Link to={link({ when: "past" })} aria-current={query.when === "past" ? "page" : undefined}>
          {t.events.past}
        </Link>
      </nav>
      <Form method="get" className="filters" role="search" aria-label={t.common.actions.filter}>
        <input type="hidden" name="when" value={query.when} />
        <Select label={t.events.filterKind} name="kind" defaultValue={query.kind ?? ""}>
          <option value="">{t.events.allKinds}</option>
          {Object.entries(t.events.kinds).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <Select label={t.events.filterArea} name="area" defaultValue={query.area ?? ""}>
          <option value="">{t.events.allAreas}</option>
          {areas.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </Select>
        <button type="submit" className="primary">
          {t.events.apply}
        </button>
      </Form>
      {list.length ? (
        <div className="grid">
          {list.map((e) => (
            <EventCard key={e.id} event={e} headingLevel={2} />
          ))}
        </div>
      ) : (
        <div className="empty-state">
          <p>{query.when === "upcoming" ? t.events.emptyUpcoming : t.events.emptyPast}</p>
          {canManage ? <p>{t.events.emptyStaffHint}</p> : null}
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t.common.pagination.label}>
          {query.page > 1 ? <Link to={link({ page: query.page - 1 })}>← {t.common.actions.prev}</Link> : null}
          <span>{t.common.pagination.page(query.page, pages)}</span>
          {query.page < pages ? <Link to={link({ page: query.page + 1 })}>{t.common.actions.next} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
