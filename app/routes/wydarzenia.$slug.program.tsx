import type { ActionFunctionArgs, AppLoadContext, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useOutlet } from "@remix-run/react";
import { Link } from "~/components/link";
import { lazy, Suspense, useEffect, useState } from "react";
import { agendaRestoreRef, agendaSettingsSchema, ZodError } from "~/lib/route-schemas.server";
import { can } from "~/lib/server-modules.server";
import { AgendaPublished } from "~/components/agenda-published";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { readForm } from "~/lib/forms.server";
import { actorOf, notFound, permissionResponse } from "~/lib/guards.server";
import { colorFor } from "~/realtime/agenda-connection";
import agendaStyles from "~/styles/agenda.css";

// Tiptap, Yjs providers and IndexedDB exist only in the browser: the workspace is loaded after hydration.
const AgendaWorkspace = lazy(() => import("~/components/agenda-workspace"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.agenda.pageTitle(data.event.title)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { events, agenda } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const actor = actorOf(context);
  const canManage = can(actor, "agenda:manage");
  const [access, settings, published, choices] = await Promise.all([agenda.access(actor, event), agenda.settings(event.id), agenda.published(event.id), agenda.choices(canManage)]);
  const restore = canManage ? agendaRestoreRef.safeParse(new URL(request.url).searchParams.get("przywroc")) : null;
  const u = context.user;
  return json({
    event: { id: event.id, slug: event.slug, title: event.title },
    access,
    canManage,
    signedIn: Boolean(u),
    user: u ? { id: u.id, name: u.name, city: u.cityName ?? "", color: colorFor(u.id) } : null,
    settings,
    published: published ? { number: published.number, createdAt: published.createdAt, html: published.html } : null,
    publishedJson: published ? JSON.stringify(published.content) : null,
    areas: choices.areas,
    cities: choices.cities,
    // A link only asks (a plain GET never changes the document); the form below sends the restore.
    restoreAsk: restore?.success ? await restoreQuestion(agenda, event.id, restore.data) : null,
  });
}

const dateFormat = new Intl.DateTimeFormat("pl-PL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Warsaw" });
const dateFmt = (iso: string) => dateFormat.format(new Date(iso));

/** What the restore question names (`wersję 3`, `zapis z …`), or null when there is no such version. */
async function restoreQuestion(agenda: AppLoadContext["services"]["agenda"], eventId: number, ref: string): Promise<{ ref: string; what: string | null }> {
  const ask = t.agenda.history.restoreAsk;
  const n = Number(ref.slice(1));
  const { versions, snapshots } = await agenda.history(eventId);
  if (ref[0] === "v") return { ref, what: versions.some((v) => v.number === n) ? ask.version(n) : null };
  const snapshot = snapshots.find((s) => s.id === n);
  return { ref, what: snapshot ? ask.snapshot(dateFmt(snapshot.createdAt)) : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { events, agenda } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const actor = actorOf(context);
  try {
    if (form.get("intent") === "publish") {
      const limit = await context.services.limiter.hit(`agenda-publish:${actor?.id ?? context.clientIp}`, 20, 60_000);
      if (!limit.allowed) return json({ ok: false, message: t.common.errors.rateLimited(1) }, { status: 429 });
      try {
        const number = await agenda.publish(actor, event.id);
        return json({ ok: true, message: t.agenda.publish.done(number) });
      } catch (error) {
        if (error instanceof ZodError) return json({ ok: false, message: t.agenda.publish.invalid }, { status: 400 });
        throw error;
      }
    }
    if (form.get("intent") === "restore") {
      if (!can(actor, "agenda:manage")) return json({ ok: false, message: t.common.errors.forbidden }, { status: 403 });
      const ref = agendaRestoreRef.safeParse(form.get("ref"));
      if (!ref.success) return json({ ok: false, message: t.agenda.history.restoreAsk.notFound }, { status: 400 });
      // The workspace fetches this state and replaces its content in one change the moderator can undo.
      return json({ ok: true, message: "", restoreFrom: `/wydarzenia/${event.slug}/program/stan/${ref.data}` });
    }
    if (form.get("intent") === "settings") {
      const parsed = agendaSettingsSchema.safeParse({ mode: form.get("mode"), cityIds: form.getAll("cityIds"), open: form.get("open") ?? undefined, dotsBudget: form.get("dotsBudget") });
      if (!parsed.success) return json({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
      const d = parsed.data;
      await agenda.saveSettings(actor, { eventId: event.id, mode: d.mode, cityIds: d.cityIds, open: d.open === "1", dotsBudget: d.dotsBudget });
      return json({ ok: true, message: t.agenda.settings.saved });
    }
  } catch (error) {
    permissionResponse(error, request);
  }
  return json({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
}

function ClientOnly({ children, fallback }: { children: () => React.ReactNode; fallback: React.ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}

export default function AgendaPage() {
  const outlet = useOutlet();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (outlet) return outlet;
  const { event, access, canManage, user, settings } = data;
  const a = t.agenda;
  const restoreFrom = result && "restoreFrom" in result && typeof result.restoreFrom === "string" ? result.restoreFrom : null;
  return (
    <article aria-labelledby="agenda-title" className="agenda-page">
      <p className="card-meta breadcrumb">
        <Link to="/wydarzenia">{t.events.title}</Link> / <Link to={`/wydarzenia/${event.slug}`}>{event.title}</Link>
      </p>
      <h1 id="agenda-title">{a.pageTitle(event.title)}</h1>
      {result?.message ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role="status">
          {result.message}
        </p>
      ) : null}
      {access === "none" || !user ? (
        <>
          {!data.signedIn ? (
            <p className="notice">
              <Link to={`/login?next=/wydarzenia/${event.slug}/program`}>{a.status.closed(4401)}</Link>
            </p>
          ) : null}
          <AgendaPublished agenda={data.published} slug={event.slug} canCoDesign={false} />
        </>
      ) : (
        <>
          <p>{a.intro}</p>
          <nav aria-label={a.title} className="actions">
            <Link to={`/wydarzenia/${event.slug}/program/druk?szkic=1`}>{a.published.print}</Link>
            <a href={`/wydarzenia/${event.slug}/program.md?szkic=1`} download>
              {a.published.markdown}
            </a>
            <Link to={`/wydarzenia/${event.slug}/program/wersje`}>{a.history.link}</Link>
          </nav>
          {data.restoreAsk && !restoreFrom ? <RestoreQuestion slug={event.slug} ask={data.restoreAsk} /> : null}
          {canManage ? (
            <Form method="post" className="actions">
              <CsrfInput />
              <button type="submit" name="intent" value="publish" className="button">
                {a.publish.button}
              </button>
            </Form>
          ) : null}
          <ClientOnly fallback={<p>{a.loading}</p>}>
            {() => (
              <Suspense fallback={<p>{a.loading}</p>}>
                <AgendaWorkspace
                  docName={`agenda:${event.id}`}
                  user={user}
                  readOnly={access !== "edit"}
                  canManage={canManage}
                  dotsBudget={settings.dotsBudget}
                  areas={data.areas}
                  publishedJson={data.publishedJson}
                  restoreFrom={restoreFrom}
                  titlesUrl={`/wydarzenia/${event.slug}/program/materialy`}
                />
              </Suspense>
            )}
          </ClientOnly>
          {canManage ? <SettingsForm settings={settings} cities={data.cities} /> : null}
        </>
      )}
    </article>
  );
}

function RestoreQuestion({ slug, ask }: { slug: string; ask: { ref: string; what: string | null } }) {
  const q = t.agenda.history.restoreAsk;
  if (!ask.what) {
    return (
      <p className="notice notice-warn" role="status">
        {q.notFound}
      </p>
    );
  }
  return (
    <section aria-labelledby="agenda-restore-h" className="notice notice-warn">
      <h2 id="agenda-restore-h">{q.heading(ask.what)}</h2>
      <p>{q.explain}</p>
      <Form method="post" className="actions">
        <CsrfInput />
        <input type="hidden" name="ref" value={ask.ref} />
        <button type="submit" name="intent" value="restore" className="button">
          {q.confirm(ask.what)}
        </button>
        <Link to={`/wydarzenia/${slug}/program`}>{q.cancel}</Link>
      </Form>
    </section>
  );
}

function SettingsForm({ settings, cities }: { settings: { mode: "all" | "cities"; cityIds: number[]; open: boolean; dotsBudget: number }; cities: { id: number; name: string }[] }) {
  const s = t.agenda.settings;
  // The city list only matters for "selected cities"; hidden (still submitted) otherwise, so a choice is not lost.
  const [mode, setMode] = useState(settings.mode);
  return (
    <section aria-labelledby="agenda-settings-h">
      <h2 id="agenda-settings-h">{s.heading}</h2>
      <Form method="post" className="stack">
        <CsrfInput />
        <fieldset>
          <legend>{s.mode}</legend>
          <div className="checkbox-row">
            <input type="radio" id="mode-all" name="mode" value="all" defaultChecked={settings.mode === "all"} onChange={() => setMode("all")} />
            <label htmlFor="mode-all">{s.modeAll}</label>
          </div>
          <div className="checkbox-row">
            <input type="radio" id="mode-cities" name="mode" value="cities" defaultChecked={settings.mode === "cities"} onChange={() => setMode("cities")} />
            <label htmlFor="mode-cities">{s.modeCities}</label>
          </div>
        </fieldset>
        <div className="field" hidden={mode !== "cities"}>
          <label htmlFor="agenda-cities">{s.cities}</label>
          <select id="agenda-cities" name="cityIds" multiple size={6} defaultValue={settings.cityIds.map(String)}>
            {cities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox-row">
          <input type="checkbox" id="agenda-open" name="open" value="1" defaultChecked={settings.open} />
          <label htmlFor="agenda-open">{s.open}</label>
        </div>
        <div className="field">
          <label htmlFor="agenda-dots">{s.dotsBudget}</label>
          <input id="agenda-dots" name="dotsBudget" type="number" min={1} max={50} defaultValue={settings.dotsBudget} />
        </div>
        <button type="submit" name="intent" value="settings" className="button button-secondary">
          {s.save}
        </button>
      </Form>
    </section>
  );
}
