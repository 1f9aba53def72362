import type { Db } from "../../db/index.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { findCityById } from "../../db/repositories/cities.js";
import { findLibraryItemById } from "../../db/repositories/library-queries.js";
import { endNetworkPerson, findNetworkBySlug, insertNetwork, isNetworkSlugTaken, listNetworkAreas, listNetworkCities, listNetworkMeetings, listNetworkPeople, updateNetwork, type NetworkWithLeader } from "../../db/repositories/networks.js";
import { linkNetworkMaterial, listAgreements, listNetworkMaterials, unlinkNetworkMaterial } from "../../db/repositories/network-work.js";
import { searchPeopleForPicker } from "../../db/repositories/users.js";
import { networks as t } from "../../domain/i18n/pl/networks.js";
import { slugify } from "../../domain/slug.js";
import type { AccessChanges } from "../auth/access-changes.js";
import { assertCan, type Actor } from "../auth/permissions.js";
import { InputError } from "../validation/input-error.js";
import type { NetworkForm } from "./network-schemas.js";
import { comparePolish } from "../../domain/polish-order.js";

type Audit = (actor: Actor, action: string, networkId: number, details: Record<string, unknown>) => Promise<void>;

/** How many people the person picker shows at most. */
const PICKER_LIMIT = 10;

/**
 * What only staff do with networks (the /admin/sieci screens): create and edit them, see everything needed to manage
 * one, pick people, end a person's part, link and unlink materials. Every change is checked against "network:manage"
 * here, whatever the route did, and written to the audit log.
 */
export function createNetworkStaff(deps: { db: Db; access?: AccessChanges; audit: Audit }) {
  const { db, audit } = deps;

  async function requireNetwork(slug: string): Promise<NetworkWithLeader> {
    const n = await findNetworkBySlug(db, slug);
    if (!n) throw new InputError(t.errors.notFound, "network");
    return n;
  }

  /** The row to store from the form: a free slug (from the name when empty), known areas, an existing leader city. */
  async function checked(form: NetworkForm, leaderCityId: number | null, exceptId?: number) {
    const slug = form.slug || slugify(form.name, 80);
    if (!slug) throw new InputError(t.staff.slugTaken, "slug");
    if (await isNetworkSlugTaken(db, slug, exceptId)) throw new InputError(t.staff.slugTaken, "slug");
    const areas = await findAreasBySlugs(db, [...new Set(form.areas)]);
    if (areas.length !== new Set(form.areas).size) throw new InputError(t.staff.badArea, "areas");
    if (leaderCityId !== null && !(await findCityById(db, leaderCityId))) throw new InputError(t.errors.unknownCity, "leaderCity");
    const row = { slug, name: form.name, description: form.description, status: form.status, startYear: form.startYear, endYear: form.endYear, leaderCityId };
    return { row, areaIds: areas.map((a) => a.id) };
  }

  return {
    /** Creates a network (staff); returns its slug. */
    async createNetwork(actor: Actor, form: NetworkForm, leaderCityId: number | null): Promise<string> {
      assertCan(actor, "network:manage");
      const { row, areaIds } = await checked(form, leaderCityId);
      const id = await insertNetwork(db, row, areaIds);
      await audit(actor, "network.create", id, { slug: row.slug, name: row.name });
      return row.slug;
    },

    /** Changes a network's details (staff); returns its slug, which may have changed. */
    async updateNetwork(actor: Actor, slug: string, form: NetworkForm, leaderCityId: number | null): Promise<string> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      const { row, areaIds } = await checked(form, leaderCityId, n.id);
      await updateNetwork(db, n.id, row, areaIds);
      await audit(actor, "network.update", n.id, { slug: row.slug, name: row.name, status: row.status });
      return row.slug;
    },

    /**
     * Everything the management screens show of one network (staff): its details as the form edits them, the whole
     * membership history of cities and people, every meeting (cancelled ones too), every linked material and the
     * agreements. Undefined when there is no such network.
     */
    async manageView(actor: Actor, slug: string) {
      assertCan(actor, "network:manage");
      const n = await findNetworkBySlug(db, slug);
      if (!n) return undefined;
      const [areas, cities, people, meetings, materials, agreements] = await Promise.all([
        listNetworkAreas(db, [n.id]),
        listNetworkCities(db, [n.id], { history: true }),
        listNetworkPeople(db, [n.id], { history: true }),
        listNetworkMeetings(db, [n.id]),
        listNetworkMaterials(db, n.id, true),
        listAgreements(db, n.id),
      ]);
      const byName = <T extends { name: string }>(a: T, b: T) => comparePolish(a.name, b.name);
      return {
        network: { id: n.id, slug: n.slug, name: n.name, description: n.description, status: n.status, startYear: n.startYear, endYear: n.endYear, leaderCityId: n.leaderCityId, leaderName: n.leaderName, areas: areas.map((a) => a.slug) },
        cities: cities.sort((a, b) => byName(a, b) || a.joinedOn.localeCompare(b.joinedOn)).map((c) => ({ cityId: c.cityId, slug: c.slug, name: c.name, joinedOn: c.joinedOn, leftOn: c.leftOn })),
        people: people.sort(byName).map((p) => ({ userId: p.userId, name: p.name, position: p.position, role: p.role, joinedOn: p.joinedOn, leftOn: p.leftOn })),
        meetings,
        materials,
        agreements,
      };
    },

    /** The person picker (staff): active accounts whose name or e-mail contains the fragment; name, position, city. */
    async searchPeople(actor: Actor, fragment: string) {
      assertCan(actor, "network:manage");
      return searchPeopleForPicker(db, fragment, PICKER_LIMIT);
    },

    /** Ends a person's part in the network (staff); the history stays and their access ends at once. */
    async removePerson(actor: Actor, slug: string, userId: number): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      if (!(await endNetworkPerson(db, n.id, userId, new Date().toISOString().slice(0, 10)))) throw new InputError(t.staff.notNetworkPerson, "userId");
      await audit(actor, "network.person_remove", n.id, { userId });
      await deps.access?.networkChanged(n.id);
    },

    /** Links a published library item to the network, public or for members only (staff); returns its title. */
    async linkMaterial(actor: Actor, slug: string, itemId: number, membersOnly: boolean): Promise<string> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      const item = await findLibraryItemById(db, itemId);
      if (!item || item.status !== "published") throw new InputError(t.staff.unknownItem, "itemId");
      await linkNetworkMaterial(db, n.id, itemId, membersOnly);
      await audit(actor, "network.material_link", n.id, { itemId, membersOnly });
      return item.title;
    },

    /** Unlinks a library item from the network (staff). */
    async unlinkMaterial(actor: Actor, slug: string, itemId: number): Promise<void> {
      assertCan(actor, "network:manage");
      const n = await requireNetwork(slug);
      if (!(await unlinkNetworkMaterial(db, n.id, itemId))) throw new InputError(t.staff.notLinked, "itemId");
      await audit(actor, "network.material_unlink", n.id, { itemId });
    },
  };
}
