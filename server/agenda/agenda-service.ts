import * as Y from "yjs";
import type { DbHandle } from "../../db/index.js";
import {
  findAgendaSettings,
  findAgendaVersion,
  insertAgendaVersion,
  listAgendaVersions,
  listCityChoices,
  saveAgendaSettings,
  type AgendaSettings,
} from "../../db/repositories/agenda.js";
import { findHistorySnapshot, listHistorySnapshots } from "../../db/repositories/agenda-store.js";
import { listAreaNames } from "../../db/repositories/areas.js";
import { recordAudit } from "../../db/repositories/audit.js";
import type { EventWithAreas } from "../../db/repositories/events.js";
import { extractAgenda, type AgendaContent } from "../../domain/agenda-doc.js";
import { agenda as agendaText } from "../../domain/i18n/pl/agenda.js";
import { agendaAccess, assertCan, type Actor } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { AccessChanges } from "../auth/access-changes.js";
import { agendaContentSchema, agendaPlainText, renderAgendaHtml, renderAgendaMarkdown, type LibraryLinks } from "./agenda-content.js";
import { findLibraryItemsByIds } from "../../db/repositories/library-queries.js";
import type { AgendaDocs } from "./agenda-hub.js";
import { agendaDocName } from "./doc-name.js";

export type PublishedAgenda = { number: number; createdAt: string; html: string; content: AgendaContent };
/** What the agenda tells people through (server/notifications); absent in tools and benchmarks. */
export type AgendaNotices = {
  agendaOpened: (eventId: number, cityIds: number[]) => Promise<void>;
  programmePublished: (eventId: number, version: number, invitedCityIds: number[]) => Promise<void>;
};

/** Cities that can co-design under `after` but could not under `before` (newly invited, or the workspace reopened). */
function newlyOpenedCities(before: AgendaSettings, after: AgendaSettings): number[] {
  if (after.mode !== "cities" || !after.open) return [];
  if (before.mode !== "cities" || !before.open) return after.cityIds;
  return after.cityIds.filter((id) => !before.cityIds.includes(id));
}

/** Agenda use cases shared by routes and tests: settings, access, publish, versions, rendering. */
export function createAgendaService(deps: { db: DbHandle; hub: AgendaDocs; logger: Logger; access?: AccessChanges; notices?: AgendaNotices }) {
  const { db, hub } = deps;

  const areaNames = async (): Promise<Record<string, string>> => {
    const rows = await listAreaNames(db.db);
    return Object.fromEntries(rows.map((r) => [r.slug, r.name]));
  };

  const parseContent = (json: string): AgendaContent => agendaContentSchema.parse(JSON.parse(json));

  // Sessions name library items by id; the public programme links the published ones by title.
  const libraryLinks = async (content: AgendaContent): Promise<LibraryLinks> => {
    const ids = [...new Set(content.sessions.flatMap((s) => s.libraryItemIds))];
    const items = (await findLibraryItemsByIds(db.db, ids)).filter((i) => i.status === "published");
    return { label: agendaText.published.library, items: Object.fromEntries(items.map((i) => [i.id, { slug: i.slug, title: i.title }])) };
  };

  return {
    /**
     * Areas to choose from in the workspace, and the cities of the settings form when the viewer manages it (the
     * whole town directory, ~1,000 rows, was read on every view of the workspace and then dropped for everyone else).
     */
    async choices(withCities: boolean) {
      const [areas, cities] = await Promise.all([listAreaNames(db.db), withCities ? listCityChoices(db.db) : ([] as Awaited<ReturnType<typeof listCityChoices>>)]);
      return { areas, cities };
    },

    /** The event's co-design settings. */
    settings: (eventId: number): Promise<AgendaSettings> => findAgendaSettings(db.db, eventId),

    /** What the actor may do in the event's workspace. */
    async access(actor: Actor, event: EventWithAreas): Promise<"edit" | "read" | "none"> {
      const s = await findAgendaSettings(db.db, event.id);
      return agendaAccess(actor, { ...s, ended: Date.parse(event.endsAt) < Date.now() });
    },

    /** Saves co-design settings (moderators); the dots budget is mirrored into the document for the UI. */
    async saveSettings(actor: Actor, settings: AgendaSettings): Promise<void> {
      assertCan(actor, "agenda:manage");
      const before = await findAgendaSettings(db.db, settings.eventId);
      await saveAgendaSettings(db.db, settings, actor!.id);
      await hub.withDoc(agendaDocName(settings.eventId), (doc) => {
        const meta = doc.getMap("meta");
        if (meta.get("dotsBudget") !== settings.dotsBudget) doc.transact(() => meta.set("dotsBudget", settings.dotsBudget), "server");
      });
      // Open /collab connections follow the new mode, cities and open flag at once, on every instance.
      await deps.access?.agendaSettingsChanged(settings.eventId);
      await recordAudit(db.db, { actorId: actor!.id, action: "agenda.settings", subjectType: "event", subjectId: settings.eventId, details: { ...settings } });
      const opened = newlyOpenedCities(before, settings);
      if (opened.length) await deps.notices?.agendaOpened(settings.eventId, opened);
    },

    /** Publishes the live document as the next immutable version; returns its number. */
    async publish(actor: Actor, eventId: number): Promise<number> {
      assertCan(actor, "agenda:manage");
      const { content, state } = await hub.withDoc(agendaDocName(eventId), (doc) => ({ content: extractAgenda(doc), state: Y.encodeStateAsUpdate(doc) }));
      const valid = agendaContentSchema.parse(content);
      const html = renderAgendaHtml(valid, agendaText.kinds, await areaNames(), await libraryLinks(valid));
      const number = await insertAgendaVersion(db.db, {
        eventId,
        content: JSON.stringify(valid),
        html,
        plainText: agendaPlainText(valid),
        state,
        publishedBy: actor!.id,
      });
      await recordAudit(db.db, { actorId: actor!.id, action: "agenda.publish", subjectType: "event", subjectId: eventId, details: { number } });
      const invited = await findAgendaSettings(db.db, eventId);
      await deps.notices?.programmePublished(eventId, number, invited.mode === "cities" ? invited.cityIds : []);
      return number;
    },

    /** The newest published programme (or a given version), for the public page. */
    async published(eventId: number, number?: number): Promise<PublishedAgenda | null> {
      const v = await findAgendaVersion(db.db, eventId, number);
      if (!v) return null;
      return { number: v.number, createdAt: v.createdAt, html: v.html, content: parseContent(v.content) };
    },

    /** Published versions and history snapshots, newest first. */
    async history(eventId: number) {
      const [versions, snapshots] = await Promise.all([listAgendaVersions(db.db, eventId), listHistorySnapshots(db.db, agendaDocName(eventId))]);
      return { versions, snapshots };
    },

    /** The Yjs state of a published version or history snapshot (for preview and restore in the workspace). */
    async stateOf(eventId: number, ref: { version: number } | { snapshot: number }): Promise<Uint8Array | null> {
      if ("version" in ref) return (await findAgendaVersion(db.db, eventId, ref.version))?.state ?? null;
      return findHistorySnapshot(db.db, agendaDocName(eventId), ref.snapshot);
    },

    /** Renders any stored state as the public programme HTML (preview of snapshots). */
    async renderState(state: Uint8Array): Promise<{ html: string; content: AgendaContent }> {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      // A snapshot is a draft: it may hold times or lengths publishing would refuse; show them rather than fail.
      const content = extractAgenda(doc);
      doc.destroy();
      return { content, html: renderAgendaHtml(content, agendaText.kinds, await areaNames(), await libraryLinks(content)) };
    },

    /** The live document's current content (for the print page and Markdown download). */
    // Not parsed with the publishing schema: a draft with "99:99" prints with the time marked instead of a 500.
    current: (eventId: number): Promise<AgendaContent> => hub.withDoc(agendaDocName(eventId), (doc) => extractAgenda(doc)),

    /** Renders content as sanitised HTML. */
    renderHtml: async (content: AgendaContent) => renderAgendaHtml(content, agendaText.kinds, await areaNames(), await libraryLinks(content)),

    /** Renders content as Markdown. */
    renderMarkdown: (title: string, content: AgendaContent) => renderAgendaMarkdown(title, content, agendaText.kinds),
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
