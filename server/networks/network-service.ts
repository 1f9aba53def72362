import type { DbHandle } from "../../db/index.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { findCityById, findCityBySlug } from "../../db/repositories/cities.js";
import { findEventById, insertEvent, isEventSlugTaken, listEvents } from "../../db/repositories/events.js";
import {
  addNetworkCity,
  addNetworkPerson,
  endNetworkCity,
  findNetworkById,
  findNetworkBySlug,
  findNetworkOfEvent,
  listNetworkAreas,
  listNetworkCities,
  listNetworkMeetings,
  listNetworkPeople,
  listNetworks,
  listNetworksOfArea,
  listNetworksOfCity,
  listPublishedItemsOfArea,
  networkMembership,
  setEventNetwork,
  setEventOpenToAll,
  type NetworkMeeting,
  type NetworkWithLeader,
} from "../../db/repositories/networks.js";
import {
  findNetworkPost,
  insertAgreement,
  insertNetworkPost,
  insertNetworkThread,
  listAgreements,
  listNetworkMaterials,
  listNetworkPosts,
  listNetworkThreads,
  setAgreementStatus,
} from "../../db/repositories/network-work.js";
import type { AgreementStatus } from "../../db/schema.js";
import { networks as t } from "../../domain/i18n/pl/networks.js";
import type { AccessChanges } from "../auth/access-changes.js";
import { assertCan, networkAccess, PermissionError, type Actor } from "../auth/permissions.js";
import { localToUtcIso, WARSAW } from "../events/time-zone.js";
import { InputError } from "../validation/input-error.js";
import type { AgreementForm, MeetingSeries } from "./network-schemas.js";
import type { CitiesQuery, EventsQuery } from "./api-schemas.js";
import { listCitiesPage, listEventsPage } from "../../db/repositories/public-lists.js";
import { quarterlyStarts } from "./quarterly.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { createNetworkStaff } from "./network-staff.js";
import { defaultOpenToAllAt } from "./members-first.js";
import { libraryViewer } from "../library/library-viewer.js";
import { listMembersOnlyNetworks } from "../../db/repositories/library-visibility.js";
import type { NetworkPostEvent } from "../../domain/network-live-protocol.js";
import type { NetworkNotices } from "./network-notices.js";
import { searchNetworkDiscussion } from "./network-search.js";
import type { SearchEngine } from "../../search/types.js";
import { comparePolish } from "../../domain/polish-order.js";

export type NetworkService = ReturnType<typeof createNetworkService>;

/** A network as lists, the map and the API show it. */
export type NetworkSummary = {
  id: number;
  slug: string;
  name: string;
  description: string;
  status: NetworkWithLeader["status"];
  startYear: number;
  endYear: number | null;
  areas: { slug: string; name: string }[];
  leader: { slug: string; name: string } | null;
  members: { slug: string; name: string; voivodeship: string; lat: number | null; lng: number | null }[];
  nextMeeting: { slug: string; title: string; startsAt: string } | null;
};

function memberError(actor: Actor): PermissionError {
  return new PermissionError(actor ? 403 : 401, "network:view");
}

/** Networks of experience exchange (issue 14): membership with history, meetings, agreements, materials, discussion. */
export function createNetworkService(deps: {
  db: DbHandle;
  access?: AccessChanges;
  /** Reply and agreement-due notifications (absent in tools that only read networks). */
  notices?: NetworkNotices;
  /** The search engine (the discussion search) and a wake-up for the indexer after a post. */
  search?: { engine: SearchEngine; kick: () => void };
}) {
  const db = deps.db.db;
  const postListeners = new Set<(e: NetworkPostEvent) => void>();

  /** Tells the live hub (and so members' open network pages) about a new post. */
  async function announce(postId: number, newThread: boolean) {
    deps.search?.kick();
    const p = await findNetworkPost(db, postId);
    if (!p) return undefined;
    const event: NetworkPostEvent = { networkId: p.networkId, threadId: p.threadId, threadTitle: p.threadTitle, newThread, post: { id: p.id, threadId: p.threadId, authorId: p.authorId, authorName: p.authorName, body: p.body, createdAt: p.createdAt } };
    for (const l of postListeners) l(event);
    return p;
  }

  async function summaries(rows: NetworkWithLeader[]): Promise<NetworkSummary[]> {
    const ids = rows.map((r) => r.id);
    const [areas, cities, meetings] = await Promise.all([listNetworkAreas(db, ids), listNetworkCities(db, ids), listNetworkMeetings(db, ids, { from: new Date().toISOString() })]);
    return rows.map((n) => {
      const next = meetings.find((m) => m.networkId === n.id);
      return {
        id: n.id,
        slug: n.slug,
        name: n.name,
        description: n.description,
        status: n.status,
        startYear: n.startYear,
        endYear: n.endYear,
        areas: areas.filter((a) => a.networkId === n.id).map((a) => ({ slug: a.slug, name: a.name })),
        leader: n.leaderSlug && n.leaderName ? { slug: n.leaderSlug, name: n.leaderName } : null,
        members: cities
          .filter((c) => c.networkId === n.id)
          .sort((a, b) => comparePolish(a.name, b.name))
          .map((c) => ({ slug: c.slug, name: c.name, voivodeship: c.voivodeship, lat: c.lat, lng: c.lng })),
        nextMeeting: next ? { slug: next.slug, title: next.title, startsAt: next.startsAt } : null,
      };
    });
  }

  async function requireNetwork(slug: string): Promise<NetworkWithLeader> {
    const n = await findNetworkBySlug(db, slug);
    if (!n) throw new InputError(t.errors.notFound, "network");
    return n;
  }

  async function accessTo(networkId: number, actor: Actor) {
    return networkAccess(actor, await networkMembership(db, networkId));
  }

  async function requireMember(network: { id: number }, actor: Actor): Promise<void> {
    if ((await accessTo(network.id, actor)) === "public") throw memberError(actor);
  }

  // Staff changes to a network are written to the audit log (who changed which network, and how).
  const audit = (actor: Actor, action: string, networkId: number, details: Record<string, unknown>) => recordAudit(db, { actorId: actor?.id ?? null, action, subjectType: "network", subjectId: networkId, details });

  return {
    ...createNetworkStaff({ db, access: deps.access, audit }),

    /** Every network with areas, leader, current members and next meeting. */
    async list(): Promise<NetworkSummary[]> {
      return summaries(await listNetworks(db));
    },

    /** One network's summary by slug (undefined when unknown). */
    async summary(slug: string): Promise<NetworkSummary | undefined> {
      const n = await findNetworkBySlug(db, slug);
      return n ? (await summaries([n]))[0] : undefined;
    },

    /**
     * Everything the network page shows to this actor: the public part for everyone; agreements, discussion and
     * members-only materials only for members and staff.
     */
    async page(slug: string, actor: Actor) {
      const n = await findNetworkBySlug(db, slug);
      if (!n) return undefined;
      const [summary] = await summaries([n]);
      const access = await accessTo(n.id, actor);
      const member = access !== "public";
      const [history, people, meetings, materials] = await Promise.all([
        listNetworkCities(db, [n.id], { history: true }),
        listNetworkPeople(db, [n.id]),
        listNetworkMeetings(db, [n.id]),
        listNetworkMaterials(db, n.id, member),
      ]);
      const now = new Date().toISOString();
      const upcoming = meetings.filter((m) => m.endsAt >= now);
      const past = meetings.filter((m) => m.endsAt < now).reverse();
      let agreements: Awaited<ReturnType<typeof listAgreements>> = [];
      let threads: (Omit<Awaited<ReturnType<typeof listNetworkThreads>>[number], "posts"> & { posts: Awaited<ReturnType<typeof listNetworkPosts>> })[] = [];
      if (member) {
        agreements = await listAgreements(db, n.id);
        const list = await listNetworkThreads(db, n.id);
        const posts = await listNetworkPosts(db, list.map((x) => x.id));
        threads = list.map((x) => ({ ...x, posts: posts.filter((p) => p.threadId === x.id) }));
      }
      const current = history.filter((c) => c.leftOn === null);
      return {
        network: summary,
        access,
        cities: current.sort((a, b) => comparePolish(a.name, b.name)).map((c) => ({ cityId: c.cityId, slug: c.slug, name: c.name, joinedOn: c.joinedOn })),
        formerCities: history.filter((c) => c.leftOn !== null).map((c) => ({ slug: c.slug, name: c.name, joinedOn: c.joinedOn, leftOn: c.leftOn! })),
        people: people.map((p) => ({ userId: p.userId, name: p.name, position: p.position, role: p.role })),
        upcoming,
        past,
        materials,
        agreements,
        threads,
      };
    },

    /** The actor's access to a network by id: staff, member or public (null when the network does not exist). */
    async access(networkId: number, actor: Actor): Promise<"staff" | "member" | "public" | null> {
      if (!(await findNetworkById(db, networkId))) return null;
      return accessTo(networkId, actor);
    },

    /** Networks a city belongs to now (for its page). */
    ofCity: (cityId: number) => listNetworksOfCity(db, cityId),
    /** Networks working on a thematic area. */
    ofArea: (areaSlug: string) => listNetworksOfArea(db, areaSlug),

    /** Everything of one thematic area in one place: events, library items and networks (undefined: no such area). */
    async area(areaSlug: string, actor: Actor) {
      const [area] = await findAreasBySlugs(db, [areaSlug]);
      if (!area) return undefined;
      const [upcoming, past, library, nets] = await Promise.all([
        listEvents(db, { when: "upcoming", area: area.slug, limit: 10 }),
        listEvents(db, { when: "past", area: area.slug, limit: 10 }),
        listPublishedItemsOfArea(db, area.slug, 20, await libraryViewer(db, actor)).then(async (items) => {
          const restricted = await listMembersOnlyNetworks(db, items.map((i) => i.id));
          return items.map((i) => ({ ...i, membersOnly: restricted.has(i.id) }));
        }),
        listNetworksOfArea(db, area.slug),
      ]);
      const event = (e: (typeof upcoming)[number]) => ({ id: e.id, slug: e.slug, title: e.title, kind: e.kind, startsAt: e.startsAt, endsAt: e.endsAt });
      return { area: { slug: area.slug, name: area.name, description: area.description }, upcoming: upcoming.map(event), past: past.map(event), library, networks: nets };
    },
    /** The network an event is a meeting of. */
    ofEvent: (eventId: number) => findNetworkOfEvent(db, eventId),

    /**
     * Records an agreement (members and staff). Its owner is a current member city, one of the network's current
     * people (the staff form's owner picker), or nobody in particular; the status starts open unless given.
     */
    async recordAgreement(actor: Actor, slug: string, form: AgreementForm & { ownerUserId?: number | null; status?: AgreementStatus }): Promise<number> {
      const n = await requireNetwork(slug);
      await requireMember(n, actor);
      const ownerUserId = form.ownerUserId ?? null;
      const membership = await networkMembership(db, n.id);
      if (form.ownerCityId !== null && !membership.cityIds.includes(form.ownerCityId)) throw new InputError(t.errors.notMemberCity, "ownerCityId");
      if (ownerUserId !== null && !membership.userIds.includes(ownerUserId)) throw new InputError(t.staff.notNetworkPerson, "ownerUserId");
      if (form.eventId !== null && (await findNetworkOfEvent(db, form.eventId))?.id !== n.id) throw new InputError(t.errors.unknownMeeting, "eventId");
      const id = await insertAgreement(db, { networkId: n.id, eventId: form.eventId, title: form.title, ownerCityId: form.ownerCityId, ownerUserId, dueOn: form.dueOn, status: form.status ?? "open", createdBy: actor!.id });
      await deps.notices?.agreementRecorded(id, form.dueOn);
      return id;
    },

    /** Updates an agreement's status (members and staff), as reviewed at the next meeting. */
    async updateAgreement(actor: Actor, slug: string, agreementId: number, status: AgreementStatus): Promise<void> {
      const n = await requireNetwork(slug);
      await requireMember(n, actor);
      if (!(await setAgreementStatus(db, n.id, agreementId, status))) throw new InputError(t.errors.unknownAgreement, "agreementId");
    },

    /** Opens a discussion thread with its first post (members and staff); members' open pages get it live. */
    async startThread(actor: Actor, slug: string, title: string, body: string): Promise<number> {
      const n = await requireNetwork(slug);
      await requireMember(n, actor);
      const { threadId, postId } = await insertNetworkThread(db, n.id, actor!.id, title, body);
      await announce(postId, true);
      return threadId;
    },

    /** Replies in a thread of the network (members and staff): live to members, notified to the thread's people. */
    async reply(actor: Actor, slug: string, threadId: number, body: string): Promise<void> {
      const n = await requireNetwork(slug);
      await requireMember(n, actor);
      const postId = await insertNetworkPost(db, n.id, threadId, actor!.id, body);
      if (postId === null) throw new InputError(t.errors.unknownThread, "threadId");
      const p = await announce(postId, false);
      if (p) await deps.notices?.replied({ threadId, threadTitle: p.threadTitle, authorId: actor!.id, authorName: p.authorName ?? t.live.someone, body, networkSlug: n.slug, networkName: n.name });
    },

    /** Listens to new posts in every network (the live hub forwards them to the network's room). */
    onPost(listener: (e: NetworkPostEvent) => void): () => void {
      postListeners.add(listener);
      return () => postListeners.delete(listener);
    },

    /** Searches one network's discussion (members and staff): threads whose title or posts match, best first. */
    async searchDiscussion(actor: Actor, slug: string, q: string) {
      const n = await requireNetwork(slug);
      await requireMember(n, actor);
      if (!deps.search) return [];
      return searchNetworkDiscussion(deps.search.engine, n.id, q);
    },

    /** Adds a member city (staff); its representatives gain access at once. */
    async addCity(actor: Actor, slug: string, citySlug: string, on = new Date().toISOString().slice(0, 10)): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      const city = await findCityBySlug(db, citySlug);
      if (!city || !city.confirmed) throw new InputError(t.errors.unknownCity, "citySlug");
      if (await addNetworkCity(db, n.id, city.id, on)) await audit(actor, "network.city_add", n.id, { city: city.slug, on });
      await deps.access?.networkChanged(n.id);
    },

    /** Ends a city's membership (staff); the history stays and open notes connections of its people lose edit at once. */
    async removeCity(actor: Actor, slug: string, citySlug: string, on = new Date().toISOString().slice(0, 10)): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      const city = await findCityBySlug(db, citySlug);
      if (!city) throw new InputError(t.errors.unknownCity, "citySlug");
      if (!(await endNetworkCity(db, n.id, city.id, on))) throw new InputError(t.errors.notMemberCity, "citySlug");
      await audit(actor, "network.city_remove", n.id, { city: city.slug, on });
      await deps.access?.networkChanged(n.id);
    },

    /** Adds an expert, government partner or coordinator (staff). */
    async addPerson(actor: Actor, slug: string, userId: number, role: "expert" | "partner" | "coordinator"): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      if (await addNetworkPerson(db, n.id, userId, role, new Date().toISOString().slice(0, 10))) await audit(actor, "network.person_add", n.id, { userId, role });
      await deps.access?.networkChanged(n.id);
    },

    /** Creates a quarterly series of meetings as events linked to the network (staff); returns them. */
    async createMeetingSeries(actor: Actor, slug: string, s: MeetingSeries): Promise<NetworkMeeting[]> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      const areaSlugs = (await listNetworkAreas(db, [n.id])).map((a) => a.slug);
      const areaIds = (await findAreasBySlugs(db, areaSlugs)).map((a) => a.id);
      const existing = (await listNetworkMeetings(db, [n.id])).length;
      const created: number[] = [];
      for (const [i, local] of quarterlyStarts(s.firstStartsAt, s.count).entries()) {
        let eventSlug = `${n.slug}-spotkanie-${local.slice(0, 10)}`;
        if (await isEventSlugTaken(db, eventSlug)) eventSlug = `${eventSlug}-${existing + i + 1}`;
        const startsAt = localToUtcIso(local);
        const id = await insertEvent(
          db,
          {
            slug: eventSlug,
            title: s.titlePattern ? s.titlePattern.replaceAll("{n}", String(existing + i + 1)) : t.meetingTitle(n.name, existing + i + 1),
            description: t.meetingDescription(n.name),
            kind: "network_meeting",
            seriesId: null,
            startsAt,
            endsAt: new Date(Date.parse(startsAt) + s.durationHours * 3600_000).toISOString(),
            timeZone: WARSAW,
            format: s.format,
            place: s.format === "online" ? null : (s.place ?? n.leaderName),
            joinUrl: s.format === "onsite" ? null : s.joinUrl,
            capacity: null,
          },
          areaIds,
          actor!.id,
        );
        await setEventNetwork(db, id, n.id);
        await setEventOpenToAll(db, n.id, id, defaultOpenToAllAt(startsAt));
        created.push(id);
      }
      if (created.length) await audit(actor, "network.meeting_series", n.id, { eventIds: created, firstStartsAt: s.firstStartsAt });
      return (await listNetworkMeetings(db, [n.id])).filter((m) => created.includes(m.id));
    },

    /** Moves the date from which a meeting of the network is open to non-members (staff); null restores the default. */
    async setOpenToAll(actor: Actor, slug: string, eventId: number, openToAllAt: string | null): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      if (!(await setEventOpenToAll(db, n.id, eventId, openToAllAt))) throw new InputError(t.errors.unknownMeeting, "eventId");
    },

    /** Links an existing event to the network as one of its meetings (staff). */
    async linkMeeting(actor: Actor, slug: string, eventId: number): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      if (!(await findEventById(db, eventId))) throw new InputError(t.errors.unknownMeeting, "eventId");
      await setEventNetwork(db, eventId, n.id);
    },

    /** GET /api/events: events in start order, paged and filtered (area, kind, dates, network). */
    async apiEvents(q: EventsQuery) {
      const { rows, total } = await listEventsPage(db, { area: q.area, kind: q.kind, from: q.from ? localToUtcIso(`${q.from}T00:00`) : undefined, to: q.to ? localToUtcIso(`${q.to}T00:00`) : undefined, network: q.network, limit: q.perPage, offset: (q.page - 1) * q.perPage });
      return {
        events: rows.map((e) => ({ id: e.id, slug: e.slug, title: e.title, kind: e.kind, format: e.format, status: e.status, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place, areas: e.areas, network: e.networkSlug ? { slug: e.networkSlug, name: e.networkName } : null, url: `/wydarzenia/${e.slug}` })),
        page: q.page,
        perPage: q.perPage,
        total,
      };
    },

    /** GET /api/cities: confirmed cities by name, paged and filtered (voivodeship, size, name, network). */
    async apiCities(q: CitiesQuery) {
      const { rows, total } = await listCitiesPage(db, { voivodeship: q.voivodeship, sizeClass: q.sizeClass, q: q.q, network: q.network, limit: q.perPage, offset: (q.page - 1) * q.perPage });
      return { cities: rows.map((c) => ({ ...c, url: `/miasta/${c.slug}` })), page: q.page, perPage: q.perPage, total };
    },

    /** The city, if it exists, for forms that pick an owner. */
    cityById: (id: number) => findCityById(db, id),
  };
}
