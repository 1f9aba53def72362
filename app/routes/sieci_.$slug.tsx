import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useMemo } from "react";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { agreementFormSchema, agreementStatusSchema, InputError, isNamedError, replyFormSchema, threadFormSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { NetworkMap } from "~/components/network-map";
import { NetworkNotes } from "~/components/network-notes";
import { formatDate, formatRange } from "~/lib/format";
import { badForm, formToObject, readForm, validate } from "~/lib/forms.server";
import { actorOf, notFound, permissionResponse, requireUser } from "~/lib/guards.server";
import { t } from "../../domain/i18n";
import { count, nouns } from "../../domain/i18n/pl/plural.js";
import { AreaLinks } from "~/components/network-links";
import { FollowButton } from "~/components/follow-button";
import { safeHighlight } from "~/components/library-url";
import { useNetworkDiscussion } from "~/realtime/network-discussion";
import type { NetworkPostEvent } from "../../domain/network-live-protocol.js";
import type { DiscussionHit } from "../../server/networks/network-search.js";
import { AgreementStatusForm, AgreementTitle } from "~/components/agreement-status-form";

type DiscussionSearch = { q: string; hits: DiscussionHit[]; error: string | null };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.network.name} — ${t.networks.title} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const actor = actorOf(context);
  const page = await context.services.networks.page(params.slug ?? "", actor);
  if (!page) notFound();
  const following = context.user ? await context.services.notifications.isFollowing(context.user.id, "network", page.network.id) : null;
  // The discussion search (?szukaj=) is for members: others get the page without it, and learn nothing of the posts.
  const q = (new URL(request.url).searchParams.get("szukaj") ?? "").trim();
  const member = page.access !== "public";
  const answer = (search: DiscussionSearch | null, status = 200) => json({ ...page, following, search }, { status });
  if (!member || !q) return answer(null);
  if (q.length > 200) return answer({ q: q.slice(0, 200), hits: [], error: t.networks.search.tooLong }, 400);
  try {
    return answer({ q, hits: await context.services.networks.searchDiscussion(actor, page.network.slug, q), error: null });
  } catch (error) {
    context.services.logger.warn("network discussion search failed", { error: error instanceof Error ? error.message : String(error) });
    return answer({ q, hits: [], error: t.library.api.unavailable }, 503);
  }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const actor = actorOf(context);
  const nets = context.services.networks;
  const slug = params.slug ?? "";
  const intent = form.get("intent");
  const data = formToObject(form);
  // Membership first: someone outside the network learns nothing from validation messages.
  const network = await nets.summary(slug);
  if (!network) notFound();
  if ((await nets.access(network.id, actor)) === "public") {
    if (!actor) requireUser(context, request);
    throw json({ message: t.networks.errors.notMember }, { status: 403 });
  }
  try {
    if (intent === "agreement") {
      const v = validate(agreementFormSchema, data);
      if (!v.ok) return badForm({ ...v, values: data });
      await nets.recordAgreement(actor, slug, v.data);
      return json({ ok: true, message: t.networks.agreementSaved });
    }
    if (intent === "agreement-status") {
      const v = validate(agreementStatusSchema, data);
      if (!v.ok) return badForm(v);
      await nets.updateAgreement(actor, slug, v.data.agreementId, v.data.status);
      return json({ ok: true, message: t.networks.agreementUpdated });
    }
    if (intent === "thread") {
      const v = validate(threadFormSchema, data);
      if (!v.ok) return badForm({ ...v, values: data });
      await nets.startThread(actor, slug, v.data.title, v.data.body);
      return json({ ok: true, message: t.networks.posted });
    }
    if (intent === "reply") {
      const v = validate(replyFormSchema, data);
      if (!v.ok) return badForm(v);
      await nets.reply(actor, slug, v.data.threadId, v.data.body);
      return json({ ok: true, message: t.networks.posted });
    }
  } catch (error) {
    if (isNamedError(error, InputError)) {
      if (error.field === "network") notFound();
      return badForm({ fieldErrors: { [error.field]: error.message }, formError: error.message });
    }
    permissionResponse(error, request);
  }
  return json({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
}

type ActionResult = { ok: boolean; message?: string; formError?: string; fieldErrors?: Record<string, string> };

export default function NetworkPage() {
  const { network, access, cities, formerCities, people, upcoming, past, materials, agreements, threads: loaded, search, following } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const member = access !== "public";
  const live = useNetworkDiscussion(network.id, member);
  const threads = useMemo(() => withLivePosts(loaded, live.events), [loaded, live.events]);
  const lastLive = live.events.at(-1);
  const errors = result?.fieldErrors ?? {};
  const message = result?.message ?? result?.formError ?? Object.values(errors)[0];
  const mapCities = network.members;
  return (
    <article aria-labelledby="network-title">
      <p className="card-meta breadcrumb">
        <Link to="/sieci">{t.networks.title}</Link>
      </p>
      <h1 id="network-title">{network.name}</h1>
      {access === "staff" ? (
        <p>
          <Link to={`/admin/sieci/${network.slug}`}>{t.networks.staff.manageLink}</Link>
        </p>
      ) : null}
      <FollowButton target="network" slug={network.slug} name={network.name} following={following} />
      <p className="prose">{network.description}</p>
      {message ? (
        <p role="status" className={result?.ok ? "notice notice-ok" : "notice notice-warn"}>
          {message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t.networks.areas}</dt>
        <dd>
          <AreaLinks areas={network.areas} />
        </dd>
        <dt>{t.networks.leader}</dt>
        <dd>{network.leader ? <Link to={`/miasta/${network.leader.slug}`}>{network.leader.name}</Link> : "—"}</dd>
        <dt>{t.networks.statusLabel}</dt>
        <dd>{`${t.networks.statuses[network.status]}, ${t.networks.years(network.startYear, network.endYear)}`}</dd>
      </dl>

      <section aria-labelledby="members-title">
        <h2 id="members-title">
          {t.networks.members} ({count(cities.length, nouns.miasto)})
        </h2>
        <NetworkMap cities={mapCities} id="map-network" />
        <ul className="plain-list">
          {cities.map((c) => (
            <li key={c.slug}>
              <Link to={`/miasta/${c.slug}`}>{c.name}</Link> <span className="card-meta">{t.networks.memberSince(c.joinedOn)}</span>
            </li>
          ))}
        </ul>
        {formerCities.length ? (
          <>
            <h3>{t.networks.formerMembers}</h3>
            <ul>
              {formerCities.map((c) => (
                <li key={`${c.slug}-${c.joinedOn}`}>
                  <Link to={`/miasta/${c.slug}`}>{c.name}</Link> <span className="card-meta">{t.networks.memberPeriod(c.joinedOn, c.leftOn)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t.networks.people}</h2>
        {people.length ? (
          <ul className="plain-list">
            {people.map((p) => (
              <li key={p.userId}>
                <strong>{p.name}</strong> <span className="card-meta">{[t.networks.roles[p.role], p.position].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t.networks.noPeople}</p>
        )}
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t.networks.meetings}</h2>
        {upcoming.length + past.length === 0 ? <p className="empty-state">{t.networks.noMeetings}</p> : null}
        {upcoming.length ? (
          <>
            <h3>{t.networks.upcomingMeetings}</h3>
            <ul>
              {upcoming.map((m) => (
                <li key={m.id}>
                  <Link to={`/wydarzenia/${m.slug}`}>{m.title}</Link> <span className="card-meta">{formatRange(m.startsAt, m.endsAt)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {past.length ? (
          <>
            <h3>{t.networks.pastMeetings}</h3>
            <ul>
              {past.map((m) => (
                <li key={m.id}>
                  <Link to={`/wydarzenia/${m.slug}`}>{m.title}</Link> <span className="card-meta">{formatDate(m.startsAt)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t.networks.materials}</h2>
        {materials.length ? (
          <ul>
            {materials.map((m) => (
              <li key={m.itemId}>
                <Link to={`/biblioteka/${m.slug}`}>{m.title}</Link>
                {m.membersOnly ? <> <span className="badge">{t.networks.membersOnlyBadge}</span></> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t.networks.noMaterials}</p>
        )}
      </section>

      {member ? (
        <>
          <section aria-labelledby="agreements-title">
            <h2 id="agreements-title">{t.networks.agreements}</h2>
            <DataTable
              caption={t.networks.agreements}
              className="agreement-table"
              rows={agreements}
              rowKey={(a) => a.id}
              empty={t.networks.noAgreements}
              columns={[
                {
                  header: t.networks.agreementTitle,
                  cell: (a) => <AgreementTitle agreement={a} />,
                },
                { header: t.networks.agreementWho, cell: (a) => (a.ownerCitySlug ? <Link to={`/miasta/${a.ownerCitySlug}`}>{a.ownerCityName}</Link> : (a.ownerUserName ?? t.networks.agreementWhole)) },
                { header: t.networks.agreementDue, cell: (a) => a.dueOn },
                { header: t.networks.agreementStatus, cell: (a) => <AgreementStatusForm agreement={a} /> },
              ]}
            />
            <Form method="post" className="stack">
              <h3>{t.networks.agreementNew}</h3>
              <CsrfInput />
              <input type="hidden" name="intent" value="agreement" />
              <label htmlFor="agreement-title">{t.networks.agreementTitle}</label>
              <input id="agreement-title" name="title" required minLength={3} maxLength={500} aria-invalid={errors.title ? true : undefined} />
              <label htmlFor="agreement-city">{t.networks.agreementOwnerCity}</label>
              <select id="agreement-city" name="ownerCityId" defaultValue="">
                <option value="">{t.networks.agreementOwnerNone}</option>
                {cities.map((c) => (
                  <option key={c.cityId} value={c.cityId}>
                    {c.name}
                  </option>
                ))}
              </select>
              <label htmlFor="agreement-meeting">{t.networks.agreementMeeting}</label>
              <select id="agreement-meeting" name="eventId" defaultValue="">
                <option value="">—</option>
                {[...past, ...upcoming].map((m) => (
                  <option key={m.id} value={m.id}>
                    {`${formatDate(m.startsAt)} — ${m.title}`}
                  </option>
                ))}
              </select>
              <label htmlFor="agreement-due">{t.networks.agreementDue}</label>
              <input id="agreement-due" name="dueOn" type="date" />
              <button type="submit">{t.networks.agreementSave}</button>
            </Form>
          </section>

          <section aria-labelledby="discussion-title" data-live={live.joined ? "on" : "off"}>
            <h2 id="discussion-title">{t.networks.discussion}</h2>
            <p className="card-meta">{t.networks.live.newPosts}</p>
            {/* Announces posts that arrive live; the posts themselves appear in their threads below. */}
            <p className="visually-hidden" aria-live="polite" role="status">
              {lastLive ? (lastLive.newThread ? t.networks.live.newThread : t.networks.live.received)(lastLive.post.authorName ?? t.networks.live.someone, lastLive.threadTitle) : ""}
            </p>
            {live.revoked ? (
              <p className="notice notice-warn" role="alert">
                {t.networks.live.lost}
              </p>
            ) : null}
            <form method="get" role="search" className="inline-form" aria-label={t.networks.search.landmark}>
              <label htmlFor="discussion-search">{t.networks.search.label}</label>{" "}
              <input id="discussion-search" type="search" name="szukaj" defaultValue={search?.q ?? ""} maxLength={200} />{" "}
              <button type="submit">{t.networks.search.submit}</button>
            </form>
            {search ? (
              <section aria-labelledby="discussion-results-title">
                <h3 id="discussion-results-title">{t.networks.search.results(search.q)}</h3>
                {search.error ? <p className="notice notice-warn">{search.error}</p> : null}
                {search.hits.length ? (
                  <ul className="plain-list">
                    {search.hits.map((h) => (
                      <li key={h.threadId}>
                        <a href={`#thread-${h.threadId}`} dangerouslySetInnerHTML={{ __html: safeHighlight(h.title) }} />
                        {h.snippet ? <p className="snippet" dangerouslySetInnerHTML={{ __html: safeHighlight(h.snippet) }} /> : null}
                      </li>
                    ))}
                  </ul>
                ) : search.error ? null : (
                  <p className="empty-state">{t.networks.search.none}</p>
                )}
              </section>
            ) : null}
            {threads.length ? null : <p className="empty-state">{t.networks.noThreads}</p>}
            {threads.map((th) => (
              <article key={th.id} className="network-thread" aria-labelledby={`thread-${th.id}`}>
                <h3 id={`thread-${th.id}`}>{th.title}</h3>
                <ul className="plain-list">
                  {th.posts.map((p) => (
                    <li key={p.id}>
                      <p className="card-meta">
                        {p.authorName ?? "—"} · {formatDate(p.createdAt)}
                      </p>
                      <p className="prose">{p.body}</p>
                    </li>
                  ))}
                </ul>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="threadId" value={th.id} />
                  <label htmlFor={`reply-${th.id}`}>{t.networks.replyLabel(th.title)}</label>
                  <textarea id={`reply-${th.id}`} name="body" required maxLength={10000} rows={3} />
                  <button type="submit">{t.networks.replySend}</button>
                </Form>
              </article>
            ))}
            <Form method="post" className="stack">
              <h3>{t.networks.newThread}</h3>
              <CsrfInput />
              <input type="hidden" name="intent" value="thread" />
              <label htmlFor="thread-title">{t.networks.threadTitle}</label>
              <input id="thread-title" name="title" required minLength={3} maxLength={200} />
              <label htmlFor="thread-body">{t.networks.threadBody}</label>
              <textarea id="thread-body" name="body" required maxLength={10000} rows={4} />
              <button type="submit">{t.networks.threadStart}</button>
            </Form>
          </section>

          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t.networks.notes}</h2>
            <p className="card-meta">{t.networks.notesIntro}</p>
            <NetworkNotes networkId={network.id} />
          </section>
        </>
      ) : (
        <p className="notice">{t.networks.agreementsMembersOnly}</p>
      )}
    </article>
  );
}

type ThreadView = { id: number; title: string; posts: { id: number; threadId: number; authorId: number | null; authorName: string | null; body: string; createdAt: string }[] };

/** The loaded threads with the posts that arrived live since: new threads first, replies at the end of their thread. */
function withLivePosts<T extends ThreadView>(loaded: T[], events: NetworkPostEvent[]): ThreadView[] {
  const threads: ThreadView[] = loaded.map((th) => ({ ...th, posts: [...th.posts] }));
  for (const e of events) {
    let th = threads.find((x) => x.id === e.threadId);
    if (!th) {
      th = { id: e.threadId, title: e.threadTitle, posts: [] };
      threads.unshift(th);
    }
    if (!th.posts.some((p) => p.id === e.post.id)) th.posts.push(e.post);
  }
  return threads;
}
