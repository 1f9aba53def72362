import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useOutlet, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { can, maySeeJoinLink, publicEventView } from "~/lib/server-modules.server";
import { AgendaPublishedSection } from "~/components/agenda-published";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { LibraryEventMaterialsSection } from "~/components/library-event-materials";
import { EventMarkerBadges } from "~/components/event-card";
import { EventMarkerNotices } from "~/components/event-marker-notices";
import { LiveRoomLink } from "~/components/live-room-link";
import { t } from "../../domain/i18n";
import { formatRange } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { actorOf, notFound, permissionResponse } from "~/lib/guards.server";
import agendaStyles from "~/styles/agenda.css";

// The published programme on this page uses the agenda styles too.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} — ${t.common.appName}` : t.common.appName },
  { name: "description", content: data?.event.description.slice(0, 160) ?? "" },
];

// Child routes (edit form, agenda workspace, live room) render inside this route and reuse its event data.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { events } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const actor = actorOf(context);
  const canManage = can(actor, "event:manage");
  const [registration, participants, membersFirst] = await Promise.all([
    events.registrationState(actor, event.id),
    canManage ? events.participants(event.id) : Promise.resolve(null),
    events.membersFirst(actor, event.id),
  ]);
  const [agenda, agendaAccess, markers] = await Promise.all([context.services.agenda.published(event.id), context.services.agenda.access(actor, event), events.markers([event])]);
  const ended = Date.parse(event.endsAt) < Date.now();
  return json({
    agenda: agenda && { number: agenda.number, createdAt: agenda.createdAt, html: agenda.html },
    agendaAccess,
    markers: markers[event.id],
    materials: await context.services.library.eventMaterials(event.id, actor),
    network: (await context.services.networks.ofEvent(event.id)) ?? null,
    event: publicEventView(event),
    // Only people let in get the link at all: a hidden link in the page data is as good as a visible one.
    joinUrl: maySeeJoinLink(actor, registration?.status) && !ended ? event.joinUrl : null,
    registration,
    membersFirst,
    participants,
    canManage,
    signedIn: Boolean(actor),
    ended,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { events } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const actor = actorOf(context);
  const intent = form.get("intent");
  try {
    if (intent === "register") {
      const limit = await context.services.limiter.hit(`register-event:${actor?.id ?? context.clientIp}`, 30, 60_000);
      if (!limit.allowed) return json({ message: t.common.errors.rateLimited(1), ok: false }, { status: 429 });
      const outcome = await events.register(actor, event.id);
      if (outcome.kind === "unavailable" && outcome.reason === "members_first") {
        return json({ ok: false, message: t.networks.membersFirst.closed(outcome.opensAt) }, { status: 403 });
      }
      if (outcome.kind === "unavailable") {
        return json({ ok: false, message: outcome.reason === "ended" ? t.events.register.ended : t.events.register.eventCancelled }, { status: 409 });
      }
      return json({ ok: true, message: outcome.status === "confirmed" ? t.events.register.done : t.events.register.doneWaitlist });
    }
    if (intent === "unregister") {
      await events.cancelRegistration(actor, event.id, context.origin);
      return json({ ok: true, message: t.events.register.cancelledMsg });
    }
    if (intent === "cancel-event" || intent === "restore-event") {
      await events.setCancelled(actor, event.id, intent === "cancel-event");
      return redirect(`/wydarzenia/${event.slug}`);
    }
  } catch (error) {
    permissionResponse(error, request);
  }
  return json({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
}

export default function EventPage() {
  const outlet = useOutlet();
  const data = useLoaderData<typeof loader>();
  if (outlet) return outlet;
  return <EventDetail {...data} />;
}

function EventDetail({ event, joinUrl, registration, membersFirst, participants, canManage, signedIn, ended, markers, agendaAccess, network }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const result = useActionData<typeof action>();
  // The edit and create forms come back here with ?zapisano / ?utworzono: the moderator sees the save went through.
  const [params] = useSearchParams();
  const saved = params.has("zapisano") ? t.events.form.saved : params.has("utworzono") ? t.events.form.created : null;
  const cancelled = event.status === "cancelled";
  const seatsLeft = event.capacity == null ? null : Math.max(0, event.capacity - event.confirmedCount);
  return (
    <article aria-labelledby="event-title">
      <p className="card-meta breadcrumb">
        <Link to="/wydarzenia">{t.events.title}</Link> / {t.events.kinds[event.kind]}
        <EventMarkerBadges markers={markers} />
      </p>
      <h1 id="event-title">{event.title}</h1>
      <EventMarkerNotices slug={event.slug} markers={markers} canCoDesign={agendaAccess === "edit"} />
      {saved && !result ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      {cancelled ? <p className="notice notice-warn">{t.events.cancelledNotice}</p> : null}
      {result?.message ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role="status">
          {result.message}
        </p>
      ) : null}
      <div className="layout-2col">
        <div>
          <dl className="facts">
            <dt>{t.events.when}</dt>
            <dd>
              <time dateTime={event.startsAt}>{formatRange(event.startsAt, event.endsAt)}</time>
              <br />
              <small>{t.events.timeZoneNote}</small>
            </dd>
            <dt>{t.events.format}</dt>
            <dd>{t.events.formats[event.format]}</dd>
            {event.place ? (
              <>
                <dt>{t.events.where}</dt>
                <dd>{event.place}</dd>
              </>
            ) : null}
            {event.seriesTitle ? (
              <>
                <dt>{t.events.series}</dt>
                <dd>{event.seriesTitle}</dd>
              </>
            ) : null}
            {network ? (
              <>
                <dt>{t.networks.eventNetwork}</dt>
                <dd>
                  <Link to={`/sieci/${network.slug}`}>{network.name}</Link>
                </dd>
              </>
            ) : null}
            <dt>{t.events.capacity}</dt>
            <dd>{event.capacity == null ? t.events.unlimited : `${event.confirmedCount} / ${event.capacity}`}</dd>
            {event.areas.length ? (
              <>
                <dt>{t.events.areas}</dt>
                <dd>
                  {event.areas.map((a) => (
                    <Link key={a.slug} to={`/wydarzenia?area=${a.slug}`} className="tag">
                      {a.name}
                    </Link>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <div className="prose">
            <p>{event.description}</p>
          </div>
          <p>
            <a href={`/wydarzenia/${event.slug}/kalendarz.ics`}>{t.events.addToCalendar}</a>
          </p>
        </div>
        <aside className="aside-box" aria-labelledby="registration-title">
          <h2 id="registration-title">{t.events.register.heading}</h2>
          <RegistrationBox {...{ event, registration, membersFirst, signedIn, ended, cancelled, seatsLeft }} />
          {joinUrl ? (
            <p>
              <a href={joinUrl} rel="noopener noreferrer" target="_blank">
                {t.events.joinOpen}
              </a>
            </p>
          ) : null}
          <LiveRoomLink slug={event.slug} format={event.format} kind={event.kind} ended={ended} roomUsed={markers.roomUsed} />
        </aside>
      </div>
      {canManage ? (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t.events.participants.heading}</h2>
          <div className="actions">
            <Link to={`/wydarzenia/${event.slug}/edycja`} className="button button-secondary">
              {t.events.edit}
            </Link>
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value={cancelled ? "restore-event" : "cancel-event"} className={`button ${cancelled ? "button-secondary" : "button-danger"}`}>
                {cancelled ? t.events.restoreEvent : t.events.cancelEvent}
              </button>
            </Form>
          </div>
          <Participants participants={participants ?? []} />
        </section>
      ) : null}
      <AgendaPublishedSection />
      <LibraryEventMaterialsSection />
    </article>
  );
}

type BoxProps = {
  event: { slug: string };
  registration: { status: "confirmed" | "waitlisted"; position: number | null } | null;
  membersFirst: { opensAt: string; mayRegister: boolean; member: boolean } | null;
  signedIn: boolean;
  ended: boolean;
  cancelled: boolean;
  seatsLeft: number | null;
};

function RegistrationBox({ event, registration, membersFirst, signedIn, ended, cancelled, seatsLeft }: BoxProps) {
  if (cancelled) return <p>{t.events.register.eventCancelled}</p>;
  if (ended) return <p>{t.events.register.ended}</p>;
  if (!signedIn)
    return (
      <p>
        <Link to={`/login?next=/wydarzenia/${event.slug}`} className="button">
          {t.events.register.signInToRegister}
        </Link>
        {membersFirst && !membersFirst.mayRegister ? <span className="card-meta"> {t.networks.membersFirst.closed(membersFirst.opensAt)}</span> : null}
      </p>
    );
  // A network meeting before its open-to-all date: a non-member learns why and when, and gets no button.
  if (membersFirst && !membersFirst.mayRegister && !registration) return <p className="notice">{t.networks.membersFirst.closed(membersFirst.opensAt)}</p>;
  if (registration)
    return (
      <>
        <p>{registration.status === "confirmed" ? t.events.register.confirmed : t.events.register.waitlisted(registration.position)}</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="unregister" className="button button-secondary">
            {t.events.register.cancel}
          </button>
        </Form>
      </>
    );
  const full = seatsLeft === 0;
  return (
    <>
      {membersFirst && Date.parse(membersFirst.opensAt) > Date.now() ? <p className="card-meta">{t.networks.membersFirst.note(membersFirst.opensAt)}</p> : null}
      <p>{seatsLeft == null ? t.events.unlimited : full ? t.events.full : t.events.seatsLeft(seatsLeft)}</p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" name="intent" value="register" className="primary">
          {full ? t.events.register.joinWaitlist : t.events.register.submit}
        </button>
      </Form>
    </>
  );
}

type Participant = { id: number; status: string; name: string; email: string; cityName: string | null };

function Participants({ participants }: { participants: Participant[] }) {
  if (!participants.length) return <p>{t.events.participants.none}</p>;
  const groups = [
    { key: "confirmed", label: t.events.participants.confirmed },
    { key: "waitlisted", label: t.events.participants.waitlisted },
  ];
  return (
    <>
      {groups.map((g) => {
        const rows = participants.filter((p) => p.status === g.key).map((p, i) => ({ ...p, position: i + 1 }));
        if (!rows.length) return null;
        return (
          <div key={g.key}>
            <h3>
              {g.label} ({rows.length})
            </h3>
            <DataTable
              caption={g.label}
              rows={rows}
              rowKey={(p) => p.id}
              columns={[
                { header: "#", cell: (p) => p.position },
                { header: t.auth.register.name, cell: (p) => p.name },
                { header: t.auth.register.city, cell: (p) => p.cityName },
                { header: t.auth.register.email, cell: (p) => p.email },
              ]}
            />
          </div>
        );
      })}
    </>
  );
}
