import type { Generated } from "kysely";
import type { SizeClass } from "../../domain/city-size.js";

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
  /** A network meeting opens to non-members from this instant (null: the default before the start, see members-first). */
  openToAllAt: Generated<string | null>;
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

// Personal calendar feeds (issue 10): the token is in the feed's URL, the database keeps its SHA-256 only.
export interface CalendarTokensTable {
  userId: number;
  tokenHash: string;
  createdAt: string;
}
