import { useRouteLoaderData } from "@remix-run/react";
import { t } from "../../domain/i18n";

export type PublishedAgendaView = { number: number; createdAt: string; html: string } | null;

const dateFormat = new Intl.DateTimeFormat("pl-PL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Warsaw" });
const dateFmt = (iso: string) => dateFormat.format(new Date(iso));

/**
 * The published programme of an event. `html` was rendered and sanitised on the server (sanitize-html) when the
 * version was published, so it is inserted as is.
 */
export function AgendaPublished({
  agenda,
  slug,
  canCoDesign,
  workspace = canCoDesign ? "edit" : "none",
  headingLevel = 2,
}: {
  agenda: PublishedAgendaView;
  slug: string;
  canCoDesign: boolean;
  /** "view" once the event is over or co-design closed: the workspace can be read, no longer joined. */
  workspace?: "edit" | "view" | "none";
  headingLevel?: 1 | 2;
}) {
  const H = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby="agenda-published-h" className="agenda-published">
      <H id="agenda-published-h">{t.agenda.published.heading}</H>
      {agenda ? (
        <>
          <p className="field-hint">{t.agenda.published.version(agenda.number, dateFmt(agenda.createdAt))}</p>
          <div className="agenda-published-body" dangerouslySetInnerHTML={{ __html: agenda.html }} />
          <p className="actions">
            <a href={`/wydarzenia/${slug}/program/druk`}>{t.agenda.published.print}</a>
            <a href={`/wydarzenia/${slug}/program.md`} download>
              {t.agenda.published.markdown}
            </a>
          </p>
        </>
      ) : (
        <p>{t.agenda.published.none}</p>
      )}
      {workspace !== "none" ? (
        <p>
          <a href={`/wydarzenia/${slug}/program`} className="button button-secondary">
            {workspace === "edit" ? t.agenda.published.workspaceLink : t.agenda.published.workspaceView}
          </a>
        </p>
      ) : null}
    </section>
  );
}

type EventRouteData = { event: { slug: string }; agenda: PublishedAgendaView; agendaAccess: "edit" | "read" | "none"; ended?: boolean };

/** The programme section of the public event page, fed by that route's loader. */
export function AgendaPublishedSection() {
  const data = useRouteLoaderData<EventRouteData>("routes/wydarzenia.$slug");
  if (!data || data.agenda === undefined) return null;
  // After the end nobody is invited to co-design any more (staff still edit, e.g. to publish the final version).
  const workspace = data.agendaAccess === "none" ? "none" : data.agendaAccess === "edit" && !data.ended ? "edit" : "view";
  return <AgendaPublished agenda={data.agenda} slug={data.event.slug} canCoDesign={data.agendaAccess !== "none"} workspace={workspace} />;
}
