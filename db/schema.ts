import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { SizeClass } from "../domain/city-size.js";

// Table and column names are camelCase here and snake_case in SQL (CamelCasePlugin).
// Timestamps are ISO-8601 UTC strings on both dialects so comparisons and ordering agree.

export type Role = "admin" | "moderator" | "member";
export type Affiliation = "city" | "government" | "expert" | "other";
export type EventKind = "seminar" | "workshop" | "conference" | "webinar" | "network_meeting";
export type EventFormat = "online" | "onsite" | "hybrid";
export type EventStatus = "scheduled" | "cancelled";
export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled";
export type { SizeClass };

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  affiliation: Affiliation;
  cityId: number | null; // the city the person says they represent: display only, grants nothing by itself
  position: string | null;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
  // The city whose rights the person holds: set only by an accepted claim, null again when the city changes.
  verifiedCityId: number | null;
  cityCoordinator: Generated<number>; // 1: decides claims for verifiedCityId
}

// City affiliation claims (issue 10); every claim is kept as history.
export type CityClaimStatus = "pending" | "accepted" | "rejected" | "withdrawn";

export interface CityClaimsTable {
  id: Generated<number>;
  userId: number;
  cityId: number;
  status: CityClaimStatus;
  reason: string | null;
  createdAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
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
  /** Name folded for matching: lower case, no diacritics (server/cities/name-key.ts). */
  nameKey: string;
  /** 4-digit TERYT code of the county (powiat), from GeoNames. */
  countyTeryt: string | null;
  lat: number | null;
  lng: number | null;
  geonamesId: number | null;
  /** 0 for a place an import named that an admin has not yet confirmed or merged; hidden from the public. */
  confirmed: number;
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
  /** Minutes before the start at which confirmed participants are reminded, comma-separated ("1440,60"). */
  reminderMinutes: Generated<string>;
  // Bumped inside every registration transaction: the UPDATE takes a row lock on PostgreSQL.
  registrationVersion: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** The network of experience exchange whose meeting this is (issue 14). */
  networkId: Generated<number | null>;
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

// Library (issue 3). Tags and authors are JSON arrays in text columns on both dialects.
export type LibraryKind = "publication" | "tool" | "good_practice" | "material" | "recording";
export type LibraryStatus = "draft" | "in_review" | "published";

export interface LibraryItemsTable {
  id: Generated<number>;
  kind: LibraryKind;
  slug: string;
  externalId: string | null;
  title: string;
  summary: string;
  bodySource: string; // Markdown as written or imported
  bodyHtml: string; // sanitised HTML rendered from bodySource
  bodyText: string; // plain text for the search index
  tags: string;
  authors: string;
  cityId: number | null;
  eventId: number | null;
  year: number | null;
  publishedOn: string | null;
  externalUrl: string | null;
  videoUrl: string | null;
  durationMinutes: number | null;
  problem: string | null;
  solution: string | null;
  results: string | null;
  costAndFunding: string | null;
  period: string | null;
  contact: string | null;
  status: LibraryStatus;
  authorId: number | null;
  importHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryItemAreasTable {
  itemId: number;
  areaId: number;
}

export interface LibraryRevisionsTable {
  id: Generated<number>;
  itemId: number;
  snapshot: string; // JSON of the item as it was before a save
  savedBy: number | null;
  createdAt: string;
}

export interface LibraryAttachmentsTable {
  id: Generated<number>;
  itemId: number;
  fileName: string;
  mime: string;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: number | null;
  createdAt: string;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  entity: "library" | "event" | "thread";
  entityId: number;
  op: "upsert" | "delete";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
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
  /** When the thread's archive was queued for the search index (null: not yet). */
  archiveQueuedAt: string | null;
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

// Personal calendar feeds (issue 10): the token is in the feed's URL, the database keeps its SHA-256 only.
export interface CalendarTokensTable {
  userId: number;
  tokenHash: string;
  createdAt: string;
}

// City surveys (issue 13). Questions and answers are JSON text on both dialects (server/surveys/survey-definition.ts).
export type SurveyRespondent = "city" | "person";
export type SurveyResponseStatus = "draft" | "submitted";

export interface SurveysTable {
  id: Generated<number>;
  slug: string;
  title: string;
  intro: string;
  respondent: SurveyRespondent;
  opensAt: string;
  closesAt: string;
  questions: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number | null; // UNIQUE (survey_id, city_id): one response per city
  personId: number | null; // UNIQUE (survey_id, person_id): one response per person
  status: SurveyResponseStatus;
  answers: string;
  version: number; // bumped on every write; a stale form is refused instead of overwriting someone's answers
  updatedBy: number | null;
  submittedBy: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyInvitationsTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number;
  email: string;
  tokenHash: string | null;
  expiresAt: string | null;
  usedAt: string | null;
  lastSentAt: string;
  createdBy: number | null;
  createdAt: string;
}

// Networks of experience exchange (issue 14). Membership rows are history: leftOn null means a member now.
export type NetworkStatus = "active" | "closed";
export type NetworkPersonRole = "expert" | "partner" | "coordinator";
export type AgreementStatus = "open" | "in_progress" | "done" | "dropped";

export interface NetworksTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  status: NetworkStatus;
  startYear: number;
  endYear: number | null;
  leaderCityId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkAreasTable {
  networkId: number;
  areaId: number;
}

export interface NetworkCitiesTable {
  id: Generated<number>;
  networkId: number;
  cityId: number;
  joinedOn: string; // YYYY-MM-DD
  leftOn: string | null;
}

export interface NetworkPeopleTable {
  id: Generated<number>;
  networkId: number;
  userId: number;
  role: NetworkPersonRole;
  joinedOn: string;
  leftOn: string | null;
}

export interface NetworkAgreementsTable {
  id: Generated<number>;
  networkId: number;
  eventId: number | null;
  title: string;
  ownerCityId: number | null;
  ownerUserId: number | null;
  dueOn: string | null;
  status: AgreementStatus;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMaterialsTable {
  networkId: number;
  itemId: number;
  membersOnly: number;
  createdAt: string;
}

export interface NetworkThreadsTable {
  id: Generated<number>;
  networkId: number;
  title: string;
  createdBy: number | null;
  createdAt: string;
  lastPostAt: string;
}

export interface NetworkPostsTable {
  id: Generated<number>;
  threadId: number;
  authorId: number | null;
  body: string;
  createdAt: string;
}

// Issue 15. The SQLite job queue (on PostgreSQL pg-boss keeps its own tables in the pgboss schema).
export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: string;
  runAt: string;
  attempts: Generated<number>;
  maxAttempts: number;
  lockedUntil: string | null;
  lastError: string | null;
  doneAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

export type NotificationChannel = "mail" | "app" | "off";
export type DigestFrequency = "off" | "daily" | "weekly";
export type FollowTarget = "area" | "city" | "network";

export interface NotificationsTable {
  id: Generated<number>;
  userId: number;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPreferencesTable {
  userId: number;
  kind: string;
  channel: NotificationChannel;
}

export interface NotificationSettingsTable {
  userId: number;
  digest: DigestFrequency;
  digestSentAt: string | null;
}

export interface NotificationFollowsTable {
  userId: number;
  targetType: FollowTarget;
  targetId: number;
}

export interface Database {
  users: UsersTable;
  cityClaims: CityClaimsTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  cities: CitiesTable;
  thematicAreas: ThematicAreasTable;
  eventSeries: EventSeriesTable;
  events: EventsTable;
  eventAreas: EventAreasTable;
  registrations: RegistrationsTable;
  auditLog: AuditLogTable;
  libraryItems: LibraryItemsTable;
  libraryItemAreas: LibraryItemAreasTable;
  libraryRevisions: LibraryRevisionsTable;
  libraryAttachments: LibraryAttachmentsTable;
  searchOutbox: SearchOutboxTable;
  agendaSettings: AgendaSettingsTable;
  agendaUpdates: AgendaUpdatesTable;
  agendaSnapshots: AgendaSnapshotsTable;
  agendaVersions: AgendaVersionsTable;
  liveRooms: LiveRoomsTable;
  liveThreads: LiveThreadsTable;
  liveMessages: LiveMessagesTable;
  liveVotes: LiveVotesTable;
  liveRemovals: LiveRemovalsTable;
  calendarTokens: CalendarTokensTable;
  surveys: SurveysTable;
  surveyResponses: SurveyResponsesTable;
  surveyInvitations: SurveyInvitationsTable;
  networks: NetworksTable;
  networkAreas: NetworkAreasTable;
  networkCities: NetworkCitiesTable;
  networkPeople: NetworkPeopleTable;
  networkAgreements: NetworkAgreementsTable;
  networkMaterials: NetworkMaterialsTable;
  networkThreads: NetworkThreadsTable;
  networkPosts: NetworkPostsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  notificationPreferences: NotificationPreferencesTable;
  notificationSettings: NotificationSettingsTable;
  notificationFollows: NotificationFollowsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type CityClaim = Selectable<CityClaimsTable>;
export type City = Selectable<CitiesTable>;
export type ThematicArea = Selectable<ThematicAreasTable>;
export type EventRow = Selectable<EventsTable>;
export type EventSeries = Selectable<EventSeriesTable>;
export type Registration = Selectable<RegistrationsTable>;
export type LibraryItemRow = Selectable<LibraryItemsTable>;
export type LibraryAttachment = Selectable<LibraryAttachmentsTable>;
export type LibraryRevision = Selectable<LibraryRevisionsTable>;
export type SurveyRow = Selectable<SurveysTable>;
export type NewSurvey = Insertable<SurveysTable>;
export type SurveyResponseRow = Selectable<SurveyResponsesTable>;
export type NewSurveyResponse = Insertable<SurveyResponsesTable>;
export type SurveyResponseUpdate = Updateable<SurveyResponsesTable>;
export type SurveyInvitationRow = Selectable<SurveyInvitationsTable>;
export type NetworkRow = Selectable<NetworksTable>;
export type NewNetwork = Insertable<NetworksTable>;
export type NetworkUpdate = Updateable<NetworksTable>;
export type NetworkAgreementRow = Selectable<NetworkAgreementsTable>;
export type NewNetworkAgreement = Insertable<NetworkAgreementsTable>;
export type NetworkThreadRow = Selectable<NetworkThreadsTable>;
export type NetworkPostRow = Selectable<NetworkPostsTable>;
export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;
