import type { DbHandle } from "../../db/index.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { findCityBySlug } from "../../db/repositories/cities.js";
import { addNetworkCity, addNetworkPerson, endNetworkCity, findNetworkBySlug, insertNetwork, listPublishedItemsOfArea } from "../../db/repositories/networks.js";
import { insertAgreement, insertNetworkThread, linkNetworkMaterial } from "../../db/repositories/network-work.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import type { AgreementStatus } from "../../db/schema.js";
import type { NetworkService } from "./network-service.js";

type DemoNetwork = {
  slug: string;
  name: string;
  description: string;
  areas: string[];
  leader: string;
  cities: string[];
  /** A city that was a member and left: the history shows it. */
  former?: { city: string; joinedOn: string; leftOn: string };
  firstMeeting: string;
  agreements: { title: string; city: string | null; dueOn: string; status: AgreementStatus }[];
};

// Themes of real funded cities of the "Rozwój lokalny" programme; meetings every quarter from 2025 to the end of 2027.
const demoNetworks: DemoNetwork[] = [
  {
    slug: "zmiany-demograficzne",
    name: "Zmiany demograficzne",
    description: "Miasta, które tracą mieszkańców, szukają sposobów na zatrzymanie młodych, usługi dla seniorów i dopasowanie infrastruktury do mniejszej liczby ludności.",
    areas: ["demografia", "gospodarka"],
    leader: "dzierzoniow",
    cities: ["dzierzoniow", "walbrzych", "swidnica", "klodzko", "kamienna-gora", "nowa-sol", "zary", "przemysl", "sanok"],
    former: { city: "gorlice", joinedOn: "2025-01-15", leftOn: "2025-12-31" },
    firstMeeting: "2025-03-12T10:00",
    agreements: [
      { title: "Zebrać dane o migracjach młodych z pięciu miast do wspólnego raportu", city: "walbrzych", dueOn: "2027-03-31", status: "open" },
      { title: "Przygotować wzór lokalnej karty seniora", city: "dzierzoniow", dueOn: "2027-06-30", status: "in_progress" },
      { title: "Opisać program mieszkań dla absolwentów jako dobrą praktykę", city: "sanok", dueOn: "2025-12-31", status: "done" },
    ],
  },
  {
    slug: "lokalna-energia",
    name: "Lokalna energia",
    description: "Wspólnoty energetyczne, klastry, fotowoltaika na budynkach publicznych i ciepłownictwo: jak miasta średnie obniżają koszty energii i emisje.",
    areas: ["srodowisko-klimat", "smart-city"],
    leader: "kalisz",
    cities: ["kalisz", "ostrow-wielkopolski", "jarocin", "pleszew", "kepno", "leszno", "gniezno", "szamotuly"],
    firstMeeting: "2025-02-20T11:00",
    agreements: [
      { title: "Porównać taryfy ciepła w miastach sieci i omówić je na najbliższym spotkaniu", city: "kalisz", dueOn: "2027-02-28", status: "open" },
      { title: "Wspólny wniosek o audyt energetyczny budynków szkół", city: null, dueOn: "2027-09-30", status: "open" },
    ],
  },
  {
    slug: "mieszkalnictwo-komunalne",
    name: "Mieszkalnictwo komunalne",
    description: "Remonty zasobu gminnego, społeczne agencje najmu i budownictwo z udziałem SIM: wymiana doświadczeń miast, rządu i ekspertów.",
    areas: ["nieruchomosci", "finanse"],
    leader: "chelm",
    cities: ["chelm", "zamosc", "krasnystaw", "hrubieszow", "wlodawa", "pulawy", "kalisz", "starachowice", "ostrowiec-swietokrzyski", "grudziadz", "dzierzoniow"],
    firstMeeting: "2025-03-26T10:00",
    agreements: [
      { title: "Zestawić koszty remontu pustostanów na metr kwadratowy", city: "zamosc", dueOn: "2027-01-31", status: "open" },
      { title: "Zaprosić przedstawiciela BGK na spotkanie o finansowaniu SIM", city: null, dueOn: "2026-06-30", status: "done" },
    ],
  },
];

/** Idempotent demo networks: members, people, a quarterly meeting series through 2027, agreements, materials, a thread. */
export async function seedDemoNetworks(handle: DbHandle, service: NetworkService): Promise<void> {
  const db = handle.db;
  const admin = await findUserByEmail(db, "admin@frl.test");
  if (!admin) return;
  const actor = { id: admin.id, role: admin.role, cityId: null };
  const people = [
    { email: "ekspert@frl.test", role: "expert" as const },
    { email: "ministerstwo@frl.test", role: "partner" as const },
    { email: "moderator@frl.test", role: "coordinator" as const },
  ];
  for (const d of demoNetworks) {
    if (await findNetworkBySlug(db, d.slug)) continue;
    const leader = await findCityBySlug(db, d.leader);
    const areaIds = (await findAreasBySlugs(db, d.areas)).map((a) => a.id);
    const networkId = await insertNetwork(db, { slug: d.slug, name: d.name, description: d.description, status: "active", startYear: 2025, endYear: 2027, leaderCityId: leader?.id ?? null }, areaIds);
    const cityIds = new Map<string, number>();
    for (const slug of d.cities) {
      const city = await findCityBySlug(db, slug);
      if (!city) continue;
      cityIds.set(slug, city.id);
      await addNetworkCity(db, networkId, city.id, "2025-01-15");
    }
    if (d.former) {
      const city = await findCityBySlug(db, d.former.city);
      if (city) {
        await addNetworkCity(db, networkId, city.id, d.former.joinedOn);
        await endNetworkCity(db, networkId, city.id, d.former.leftOn);
      }
    }
    for (const p of people) {
      const u = await findUserByEmail(db, p.email);
      if (u) await addNetworkPerson(db, networkId, u.id, p.role, "2025-01-15");
    }
    const meetings = await service.createMeetingSeries(actor, d.slug, { firstStartsAt: d.firstMeeting, count: 12, durationHours: 3, format: "hybrid", place: leader ? `Urząd Miasta, ${leader.name}` : null, joinUrl: "https://spotkania.frl.test/sieci" });
    const firstMeeting = meetings[0]?.id ?? null;
    for (const a of d.agreements) {
      await insertAgreement(db, { networkId, eventId: firstMeeting, title: a.title, ownerCityId: a.city ? (cityIds.get(a.city) ?? null) : null, ownerUserId: null, dueOn: a.dueOn, status: a.status, createdBy: admin.id });
    }
    const items = await listPublishedItemsOfArea(db, d.areas[0], 3, "all");
    for (const [i, item] of items.entries()) await linkNetworkMaterial(db, networkId, item.id, i === items.length - 1 && items.length > 1);
    await insertNetworkThread(db, networkId, admin.id, "Co omówić na najbliższym spotkaniu?", "Zapraszamy do zgłaszania tematów przed kolejnym spotkaniem sieci.");
  }
}
