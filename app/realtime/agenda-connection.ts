// Browser side of the agenda document: y-indexeddb (offline, survives reloads) + y-websocket (sync and presence).
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "./offline-copy.client";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_ACCESS, readAccessMode, type AgendaAccessMode } from "../../domain/agenda-access-message";
import { agendaRoots } from "../../domain/agenda-doc";
import { comparePolish } from "../../domain/polish-order";

export type PresenceUser = { id: number; name: string; city: string; color: string };
export type ConnectionStatus = "connecting" | "connected" | "disconnected";

/** The origin of this person's own structural edits; their UndoManager tracks only it. */
export const LOCAL_ORIGIN = { local: true };

export type AgendaConnection = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  undo: Y.UndoManager;
  status: ConnectionStatus;
  synced: boolean;
  /** Stored offline copy loaded (y-indexeddb). */
  localLoaded: boolean;
  /** Set when the server refused or closed for good (4401, 4403, 4404, 4413, …). */
  closedCode: number | null;
  /** What the server says it does with this connection's edits (null until it said so); it can change while open. */
  access: AgendaAccessMode | null;
};

const PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"];

/** A stable, readable colour for a user id. */
export function colorFor(userId: number): string {
  return PALETTE[Math.abs(userId) % PALETTE.length];
}

/** Opens the document for this page's lifetime; returns null until the browser side has started. */
export function useAgendaConnection(docName: string, user: PresenceUser): AgendaConnection | null {
  const [conn, setConn] = useState<AgendaConnection | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const roots = agendaRoots(doc);
    const local = new IndexeddbPersistence(`frl-${docName}`, doc);
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    const provider = new WebsocketProvider(url, docName, doc);
    const undo = new Y.UndoManager([roots.sessions, roots.proposals, roots.notes], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    provider.awareness.setLocalStateField("user", { name: user.name, city: user.city, color: user.color, id: user.id });
    let state: AgendaConnection = { doc, provider, undo, status: "connecting", synced: false, localLoaded: false, closedCode: null, access: null };
    const update = (patch: Partial<AgendaConnection>) => {
      state = { ...state, ...patch };
      setConn(state);
    };
    setConn(state);
    // The server's word on editing, sent on connect and whenever co-design closes or reopens while connected.
    provider.messageHandlers[MESSAGE_ACCESS] = (_encoder, decoder) => update({ access: readAccessMode(decoder) });
    provider.on("status", ({ status }: { status: ConnectionStatus }) => update({ status }));
    provider.on("sync", (synced: boolean) => update({ synced }));
    provider.on("closed", (event: { code: number }) => update({ closedCode: event.code, status: "disconnected" }));
    void local.whenSynced.then(() => update({ localLoaded: true }));
    return () => {
      undo.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [docName, user.id, user.name, user.city, user.color]);
  return conn;
}

/** Re-renders when anything inside the given Yjs types changes. */
export function useYChanges(...types: (Y.AbstractType<any> | undefined)[]): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const live = types.filter((t): t is Y.AbstractType<any> => Boolean(t));
    live.forEach((t) => t.observeDeep(bump));
    return () => live.forEach((t) => t.unobserveDeep(bump));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, types);
  return version;
}

export type PresenceEntry = { clientId: number; user: PresenceUser; editing: string | null; self: boolean };

/** Everyone connected to the document (deduplicated per browser tab), with the session each one edits. */
export function usePresence(provider: WebsocketProvider | undefined): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const read = () => {
      const list: PresenceEntry[] = [];
      awareness.getStates().forEach((s, clientId) => {
        const u = s.user as PresenceUser | undefined;
        if (!u || typeof u.name !== "string") return;
        list.push({ clientId, user: u, editing: typeof s.editing === "string" ? s.editing : null, self: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || comparePolish(a.user.name, b.user.name));
      setEntries(list);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider]);
  return entries;
}
