import type { NetworkService, NetworkSummary } from "./network-service.js";

// The JSON shapes of /api/networks and /api/networks/{slug} (documented in server/networks/openapi.ts).

/** `{ id, slug, name, areas, leader: { slug, name }, members: [ { slug, name } ], nextMeeting }` */
export function networkJson(n: NetworkSummary) {
  return {
    id: n.id,
    slug: n.slug,
    name: n.name,
    description: n.description,
    status: n.status,
    years: { start: n.startYear, end: n.endYear },
    areas: n.areas.map((a) => a.slug),
    leader: n.leader,
    members: n.members.map((c) => ({ slug: c.slug, name: c.name })),
    nextMeeting: n.nextMeeting ? { slug: n.nextMeeting.slug, title: n.nextMeeting.title, startsAt: n.nextMeeting.startsAt, url: `/wydarzenia/${n.nextMeeting.slug}` } : null,
    url: `/sieci/${n.slug}`,
  };
}

type PublicPage = NonNullable<Awaited<ReturnType<NetworkService["page"]>>>;

/** A network's public page: members with their joining dates, people, meetings and public materials. */
export function networkDetailJson(p: PublicPage) {
  const meeting = (m: PublicPage["upcoming"][number]) => ({ slug: m.slug, title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, status: m.status, url: `/wydarzenia/${m.slug}` });
  return {
    ...networkJson(p.network),
    members: p.cities.map((c) => ({ slug: c.slug, name: c.name, joinedOn: c.joinedOn })),
    formerMembers: p.formerCities.map((c) => ({ slug: c.slug, name: c.name, joinedOn: c.joinedOn, leftOn: c.leftOn })),
    people: p.people.map((x) => ({ name: x.name, role: x.role, position: x.position })),
    meetings: [...[...p.past].reverse(), ...p.upcoming].map(meeting),
    materials: p.materials.filter((m) => !m.membersOnly).map((m) => ({ slug: m.slug, title: m.title, kind: m.kind, year: m.year, url: `/biblioteka/${m.slug}` })),
  };
}
