import type { DbHandle } from "../../db/index.js";
import { InputError } from "../validation/input-error.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { findCityById, findCityBySlug } from "../../db/repositories/cities.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { findEventIdBySlug } from "../../db/repositories/events.js";
import { deleteLibraryItem, insertLibraryItem, isLibrarySlugTaken, itemToInput, setLibraryStatus, updateLibraryItem, type LibraryItemInput, type RevisionSnapshot } from "../../db/repositories/library.js";
import { deleteAttachment, findAttachment, insertAttachment, listAttachments } from "../../db/repositories/library-attachments.js";
import {
  findLibraryItemById,
  findLibraryItemBySlug,
  findLibraryItemsByIds,
  findLibraryRevision,
  listCityGoodPractices,
  listEventMaterials,
  listLibraryForEditing,
  listLibraryRevisions,
  relatedLibraryItems,
  type LibraryItem,
} from "../../db/repositories/library-queries.js";
import type { LibraryStatus } from "../../db/schema.js";
import { library as t } from "../../domain/i18n/pl/library.js";
import { assertCan, isStaff, libraryAccess, PermissionError, type Actor } from "../auth/permissions.js";
import { slugify } from "../../domain/slug.js";
import type { AttachmentStorage } from "./attachment-storage.js";
import { checkUpload } from "./file-check.js";
import type { LibraryForm } from "./library-schemas.js";
import { htmlToText, markdownToSafeHtml } from "./sanitize.js";
import { importLibraryJsonl, type ImportOptions } from "./library-import.js";
import { libraryViewer, maySeeRestricted } from "./library-viewer.js";
import { listMembersOnlyNetworks } from "../../db/repositories/library-visibility.js";

export type LibraryService = ReturnType<typeof createLibraryService>;
/** What the library tells people through (server/notifications): an event's recording or material published. */
export type LibraryNotices = { materialsPublished: (itemId: number) => Promise<void> };

/** Library items: who may do what, sanitising, revisions and attachments. Routes and the import call this. */
export function createLibraryService(deps: { db: DbHandle; storage: AttachmentStorage; afterWrite?: () => void; notices?: LibraryNotices }) {
  const db = deps.db.db;
  const changed = () => deps.afterWrite?.();

  async function toInput(actor: Actor, form: LibraryForm, status: LibraryStatus, existing?: LibraryItem): Promise<LibraryItemInput> {
    const staff = isStaff(actor);
    const kind = staff ? form.kind : "good_practice";
    let cityId: number | null = null;
    if (!staff) cityId = actor?.cityId ?? null;
    else if (form.city) {
      const city = await findCityBySlug(db, form.city);
      if (!city) throw new InputError(t.validation.unknownCity(form.city), "city");
      cityId = city.id;
    }
    if (kind === "good_practice" && !cityId) throw new InputError(t.validation.cityRequired, "city");
    let eventId: number | null = null;
    if (form.event) {
      eventId = await findEventIdBySlug(db, form.event);
      if (eventId === null) throw new InputError(t.validation.unknownEvent(form.event), "event");
    }
    if ((kind === "material" || kind === "recording") && !eventId) throw new InputError(t.validation.eventRequired, "event");
    const areas = await findAreasBySlugs(db, form.areas);
    const slug = form.slug || existing?.slug || slugify(form.title);
    if (!slug) throw new InputError(t.validation.slug, "slug");
    if (await isLibrarySlugTaken(db, slug, existing?.id)) throw new InputError(t.validation.slugTaken, "slug");
    const bodyHtml = markdownToSafeHtml(form.body);
    const gp = kind === "good_practice";
    return {
      kind,
      slug,
      externalId: existing?.externalId ?? null,
      title: form.title,
      summary: form.summary,
      bodySource: form.body,
      bodyHtml,
      bodyText: htmlToText(bodyHtml),
      tags: form.tags,
      authors: form.authors,
      cityId,
      eventId,
      year: form.year,
      publishedOn: form.publishedOn,
      externalUrl: form.externalUrl,
      videoUrl: form.videoUrl,
      durationMinutes: form.durationMinutes,
      problem: gp ? form.problem : null,
      solution: gp ? form.solution : null,
      results: gp ? form.results : null,
      costAndFunding: gp ? form.costAndFunding : null,
      period: gp ? form.period : null,
      contact: gp ? form.contact : null,
      status,
      areaIds: areas.map((a) => a.id),
      importHash: null,
    };
  }

  async function editable(actor: Actor, id: number): Promise<LibraryItem> {
    const item = await findLibraryItemById(db, id);
    if (!item) throw new PermissionError(actor ? 403 : 401, "library:propose");
    if (!libraryAccess(actor, item).edit) throw new PermissionError(actor ? 403 : 401, "library:manage");
    return item;
  }

  return {
    /** Imports items from JSONL text (admins; a dry run writes nothing); see library-import.ts. */
    importJsonl: (text: string, opts: ImportOptions) => importLibraryJsonl(deps.db, text, opts),
    /**
     * An item the actor may see (published, or their own / staff), by slug. Members-only network materials only for
     * members of those networks (and staff, and their author); everyone else gets null, so the page answers 404.
     */
    async view(actor: Actor, slug: string): Promise<LibraryItem | null> {
      const item = await findLibraryItemBySlug(db, slug);
      if (!item || !libraryAccess(actor, item).view) return null;
      if (item.membersOnlyIn.length === 0 || (actor && item.authorId === actor.id)) return item;
      return maySeeRestricted(await libraryViewer(db, actor), item.membersOnlyIn) ? item : null;
    },
    /** A published, public item by slug (the public JSON API: members-only network materials are left out). */
    async published(slug: string): Promise<LibraryItem | null> {
      const item = await findLibraryItemBySlug(db, slug);
      return item && item.status === "published" && item.membersOnlyIn.length === 0 ? item : null;
    },
    /** Who the actor is for members-only materials (the search pages filter with it). */
    viewer: (actor: Actor) => libraryViewer(db, actor),
    /** Titles of published public items by id (missing, draft, in-review and members-only ids are left out), in the order asked. */
    async publishedTitles(ids: number[]): Promise<Array<{ id: number; title: string; slug: string; kind: string }>> {
      const items = (await findLibraryItemsByIds(db, ids)).filter((i) => i.status === "published" && i.membersOnlyIn.length === 0);
      const byId = new Map(items.map((i) => [i.id, { id: i.id, title: i.title, slug: i.slug, kind: i.kind }]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    /** An item for the editor, or a PermissionError. */
    forEditing: editable,
    access: libraryAccess,
    attachments: (itemId: number) => listAttachments(deps.db.db, itemId),
    attachment: (id: number) => findAttachment(db, id),
    openAttachment: (key: string) => deps.storage.open(key),
    related: async (item: LibraryItem, actor: Actor) => relatedLibraryItems(db, item, await libraryViewer(db, actor)),
    cityPractices: async (cityId: number, actor: Actor) => listCityGoodPractices(db, cityId, await libraryViewer(db, actor)),
    /** Materials and recordings of an event the actor may see; members-only network materials flagged for the badge. */
    async eventMaterials(eventId: number, actor: Actor) {
      const rows = await listEventMaterials(db, eventId, await libraryViewer(db, actor));
      const restricted = await listMembersOnlyNetworks(db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, membersOnly: restricted.has(r.id) }));
    },
    revisions: (itemId: number) => listLibraryRevisions(db, itemId),
    async revision(itemId: number, revisionId: number): Promise<(RevisionSnapshot & { id: number; createdAt: string }) | null> {
      const r = await findLibraryRevision(db, itemId, revisionId);
      return r ? { ...(JSON.parse(r.snapshot) as RevisionSnapshot), id: r.id, createdAt: r.createdAt } : null;
    },
    /** Staff see every item; members their own proposals. */
    listForEditing(actor: Actor, status?: LibraryStatus) {
      assertCan(actor, "library:propose");
      return listLibraryForEditing(db, { authorId: isStaff(actor) ? undefined : actor!.id, status });
    },
    cityName: async (id: number | null) => (id ? ((await findCityById(db, id))?.name ?? null) : null),

    /** Creates a draft: members a good practice of their own city, staff anything. */
    async create(actor: Actor, form: LibraryForm): Promise<{ id: number; slug: string }> {
      assertCan(actor, "library:propose");
      const input = await toInput(actor, form, "draft");
      const id = await insertLibraryItem(db, input, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: "library.create", subjectType: "library_item", subjectId: id, details: { slug: input.slug } });
      changed();
      return { id, slug: input.slug };
    },

    /** Saves an item; the previous version becomes a revision. */
    async update(actor: Actor, id: number, form: LibraryForm): Promise<{ slug: string }> {
      const item = await editable(actor, id);
      const input = await toInput(actor, isStaff(actor) ? form : { ...form, kind: "good_practice" }, item.status, item);
      if (!isStaff(actor)) input.cityId = item.cityId;
      await updateLibraryItem(db, id, input, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: "library.update", subjectType: "library_item", subjectId: id });
      changed();
      return { slug: input.slug };
    },

    /** Moves an item to another status when libraryAccess allows it. */
    async transition(actor: Actor, id: number, to: LibraryStatus): Promise<void> {
      const item = await editable(actor, id);
      if (!libraryAccess(actor, item).to.includes(to)) throw new InputError(t.validation.transition, "status");
      await setLibraryStatus(db, id, to, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: `library.status.${to}`, subjectType: "library_item", subjectId: id });
      changed();
      // Participants hear of an event's recording or material when it becomes public, not while it is drafted.
      if (to === "published" && item.status !== "published") await deps.notices?.materialsPublished(id);
    },

    /** Restores a revision's content (the current version is kept as a revision; status and slug stay). */
    async restore(actor: Actor, id: number, revisionId: number): Promise<void> {
      const item = await editable(actor, id);
      const r = await findLibraryRevision(db, id, revisionId);
      if (!r) throw new InputError(t.validation.transition, "revision");
      const snap = JSON.parse(r.snapshot) as RevisionSnapshot;
      const current = itemToInput(item);
      const { areaSlugs: _a, savedAt: _s, ...content } = snap;
      const cityId = isStaff(actor) ? content.cityId : item.cityId;
      const kind = isStaff(actor) ? content.kind : item.kind;
      await updateLibraryItem(db, id, { ...content, kind, cityId, slug: current.slug, externalId: item.externalId, status: item.status, importHash: null }, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: "library.restore", subjectType: "library_item", subjectId: id, details: { revisionId } });
      changed();
    },

    /** Deletes an item (staff only). */
    async remove(actor: Actor, id: number): Promise<void> {
      assertCan(actor, "library:manage");
      for (const a of await listAttachments(db, id)) await deps.storage.remove(a.storageKey);
      await deleteLibraryItem(db, id);
      await recordAudit(db, { actorId: actor!.id, action: "library.delete", subjectType: "library_item", subjectId: id });
      changed();
    },

    /** Stores an attachment after checking size and content type; nothing is stored when the check fails. */
    async attach(actor: Actor, itemId: number, fileName: string, bytes: Uint8Array): Promise<number> {
      await editable(actor, itemId);
      const type = checkUpload(fileName, bytes);
      const safeName = fileName.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(-150) || `plik.${type.ext}`;
      const key = await deps.storage.put(bytes, type.ext);
      try {
        return await insertAttachment(db, { itemId, fileName: safeName, mime: type.mime, sizeBytes: bytes.length, storageKey: key, uploadedBy: actor!.id });
      } catch (error) {
        await deps.storage.remove(key);
        throw error;
      }
    },

    /** Removes an attachment and its bytes. */
    async detach(actor: Actor, itemId: number, attachmentId: number): Promise<void> {
      await editable(actor, itemId);
      const a = await findAttachment(db, attachmentId);
      if (!a || a.itemId !== itemId) return;
      await deleteAttachment(db, a.id);
      await deps.storage.remove(a.storageKey);
    },
  };
}
