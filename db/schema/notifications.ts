import type { Generated } from "kysely";

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
  /** No longer written: since 2026-12-05T0600 each handled period is a row of notification_digests. */
  digestSentAt: string | null;
}

export interface NotificationFollowsTable {
  userId: number;
  targetType: FollowTarget;
  targetId: number;
}

/** One row per person and digest period once it was handled (the key is the once-only claim). */
export interface NotificationDigestsTable {
  userId: number;
  period: string;
  frequency: Exclude<DigestFrequency, "off">;
  libraryItems: number;
  events: number;
  sentAt: string;
}
