import { useLoaderData } from "@remix-run/react";
import { Link } from "./link";
import { t } from "../../domain/i18n";

export type EventMaterial = { id: number; slug: string; kind: string; title: string; videoUrl: string | null; durationMinutes: number | null; membersOnly?: boolean };

/** Materials and recordings of an event, for the event page (loader: services.library.eventMaterials(event.id)). */
export function LibraryEventMaterials({ materials, ended = false }: { materials: EventMaterial[]; ended?: boolean }) {
  return (
    <section aria-labelledby="event-materials">
      <h2 id="event-materials">{t.library.event.heading}</h2>
      {materials.length ? (
        <ul className="plain-list">
          {materials.map((m) => (
            <li key={m.id}>
              <span className="badge">{(t.library.kinds as Record<string, string>)[m.kind] ?? m.kind}</span> <Link to={`/biblioteka/${m.slug}`}>{m.title}</Link>
              {m.membersOnly ? <> <span className="badge">{t.networks.membersOnlyBadge}</span></> : null}
              {m.videoUrl ? (
                <>
                  {" · "}
                  <a href={m.videoUrl} rel="noopener noreferrer">
                    {t.library.item.watch}
                  </a>
                  {m.durationMinutes ? ` (${t.library.item.duration(m.durationMinutes)})` : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-meta">{ended ? t.library.event.noneAfter : t.library.event.none}</p>
      )}
    </section>
  );
}

/** The same list reading `materials` from the event route's loader data, so mounting it is a one-line edit there. */
export function LibraryEventMaterialsSection() {
  const data = useLoaderData() as { materials?: EventMaterial[]; ended?: boolean } | undefined;
  return <LibraryEventMaterials materials={data?.materials ?? []} ended={data?.ended} />;
}
