import type { Generated } from "kysely";

// Agenda co-design (issue 4): Yjs state is stored as binary (Buffer on both dialects).
export type AgendaMode = "all" | "cities";

export interface AgendaSettingsTable {
  eventId: number;
  mode: AgendaMode;
  cityIds: string; // JSON array of city ids, used when mode = 'cities'
  open: number; // 0/1: co-designers may edit
  dotsBudget: number;
  updatedBy: number | null;
  updatedAt: string;
}

export interface AgendaUpdatesTable {
  id: Generated<number>;
  docName: string;
  data: Buffer;
  createdAt: string;
}

export interface AgendaSnapshotsTable {
  id: Generated<number>;
  docName: string;
  kind: "compacted" | "history";
  data: Buffer;
  createdAt: string;
}

export interface AgendaVersionsTable {
  id: Generated<number>;
  eventId: number;
  number: number;
  content: string; // JSON validated by server/agenda/agenda-content.ts
  html: string; // sanitised
  plainText: string;
  state: Buffer; // Yjs state at publish time, for preview and restore
  publishedBy: number | null;
  createdAt: string;
}
