import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// Table and column names are camelCase here and snake_case in SQL (CamelCasePlugin).
// Timestamps are ISO-8601 UTC strings on both dialects so comparisons and ordering agree.

export type Role = "admin" | "moderator" | "member";
export type Affiliation = "city" | "government" | "expert" | "other";
export type EventKind = "seminar" | "workshop" | "conference" | "webinar" | "network_meeting";
export type EventFormat = "online" | "onsite" | "hybrid";
export type EventStatus = "scheduled" | "cancelled";
export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled";
export type SizeClass = "small" | "medium" | "large";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  affiliation: Affiliation;
  cityId: number | null;
  position: string | null;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

export interface PasswordResetsTable {
  tokenHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface CitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  voivodeship: string;
  county: string;
  teryt: string | null;
  population: number;
  sizeClass: SizeClass;
}

export interface ThematicAreasTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface EventSeriesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  year: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  kind: EventKind;
  seriesId: number | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: EventFormat;
  place: string | null;
  joinUrl: string | null;
  capacity: number | null;
  status: EventStatus;
  // Bumped inside every registration transaction: the UPDATE takes a row lock on PostgreSQL.
  registrationVersion: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface EventAreasTable {
  eventId: number;
  areaId: number;
}

export interface RegistrationsTable {
  id: Generated<number>;
  eventId: number;
  userId: number;
  status: RegistrationStatus;
  queuedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: string | null;
  ip: string | null;
  createdAt: string;
}

// Live webinar threads (issue 5). `rev` is the per-event change counter used as the reconnection cursor.
export interface LiveRoomsTable {
  eventId: number;
  override: "open" | "closed" | null;
  opensBeforeMinutes: number;
  rev: number;
  peakParticipants: number;
  createdAt: string;
  updatedAt: string;
}

export interface LiveThreadsTable {
  id: Generated<number>;
  eventId: number;
  kind: "qa" | "discussion";
  title: string;
  position: number;
  createdBy: number | null;
  createdAt: string;
}

export interface LiveMessagesTable {
  id: Generated<number>;
  eventId: number;
  threadId: number;
  parentId: number | null;
  authorId: number | null;
  kind: "comment" | "question";
  body: string;
  rev: number;
  votes: number;
  pinned: number;
  answeredAt: string | null;
  answer: string | null;
  answeredBy: number | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export interface LiveVotesTable {
  messageId: number;
  userId: number;
  createdAt: string;
}

export interface LiveRemovalsTable {
  eventId: number;
  userId: number;
  removedBy: number | null;
  reason: string | null;
  createdAt: string;
}

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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  cities: CitiesTable;
  thematicAreas: ThematicAreasTable;
  eventSeries: EventSeriesTable;
  events: EventsTable;
  eventAreas: EventAreasTable;
  registrations: RegistrationsTable;
  auditLog: AuditLogTable;
  agendaSettings: AgendaSettingsTable;
  agendaUpdates: AgendaUpdatesTable;
  agendaSnapshots: AgendaSnapshotsTable;
  agendaVersions: AgendaVersionsTable;
  liveRooms: LiveRoomsTable;
  liveThreads: LiveThreadsTable;
  liveMessages: LiveMessagesTable;
  liveVotes: LiveVotesTable;
  liveRemovals: LiveRemovalsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type City = Selectable<CitiesTable>;
export type ThematicArea = Selectable<ThematicAreasTable>;
export type EventRow = Selectable<EventsTable>;
export type EventSeries = Selectable<EventSeriesTable>;
export type Registration = Selectable<RegistrationsTable>;
