import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { t } from "../../domain/i18n";
import { formatRange } from "~/lib/format";
import { requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.events.my.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "account:use");
  const rows = await context.services.events.registrationsOf(actor!.id);
  const now = new Date().toISOString();
  return json({ upcoming: rows.filter((r) => r.endsAt >= now), past: rows.filter((r) => r.endsAt < now).reverse() });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function RegistrationList({ rows }: { rows: Row[] }) {
  return (
    <ul className="plain-list">
      {rows.map((r) => (
        <li key={r.id} className="card">
          <h3>
            <Link to={`/wydarzenia/${r.slug}`}>{r.title}</Link>
          </h3>
          <p className="card-meta">
            <time dateTime={r.startsAt}>{formatRange(r.startsAt, r.endsAt)}</time> · {t.events.kinds[r.kind]} · {t.events.formats[r.format]}
          </p>
          <p>
            <span className={`badge ${r.status === "confirmed" ? "badge-ok" : "badge-warn"}`}>
              {r.status === "confirmed" ? t.events.my.statusConfirmed : t.events.my.statusWaitlisted}
            </span>{" "}
            {r.eventStatus === "cancelled" ? <span className="badge badge-red">{t.events.cancelled}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function MyEvents() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.events.my.title}</h1>
      {upcoming.length === 0 && past.length === 0 ? (
        <div className="empty-state">
          <p>{t.events.my.empty}</p>
          <Link to="/wydarzenia" className="button">
            {t.events.my.browse}
          </Link>
        </div>
      ) : null}
      {upcoming.length ? (
        <section aria-labelledby="my-upcoming">
          <h2 id="my-upcoming">{t.events.upcoming}</h2>
          <RegistrationList rows={upcoming} />
        </section>
      ) : null}
      {past.length ? (
        <section aria-labelledby="my-past">
          <h2 id="my-past">{t.events.past}</h2>
          <RegistrationList rows={past} />
        </section>
      ) : null}
    </>
  );
}
