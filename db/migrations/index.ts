import type { Migration } from "kysely";
import * as foundation from "./2026-11-28T0300-foundation.js";
import * as library from "./2026-11-28T0400-library.js";
import * as agenda from "./2026-11-28T0410-agenda.js";
import * as live from "./2026-11-28T0420-live.js";
import * as threadSearch from "./2026-11-28T0500-thread-search.js";
import * as townDirectory from "./2026-12-04T1700-town-directory.js";
import * as calendarTokens from "./2026-12-04T1100-calendar-tokens.js";
import * as cityClaims from "./2026-12-04T1200-city-claims.js";
import * as surveys from "./2026-12-04T2000-surveys.js";
import * as networks from "./2026-12-04T2100-networks.js";
import * as notifications from "./2026-12-04T2200-notifications.js";
import * as surveyInvitations from "./2026-12-05T0200-survey-invitations.js";
import * as surveyTopics from "./2026-12-05T0300-survey-topics.js";
import * as notificationDigests from "./2026-12-05T0600-notification-digests.js";
import * as networkLive from "./2026-12-05T0500-network-live.js";
import * as eventsEndsIndex from "./2026-12-05T2200-events-ends-index.js";

// Every migration is listed here by its dated name; Kysely applies them in name order.
export const migrations: Record<string, Migration> = {
  "2026-11-28T0300-foundation": foundation,
  "2026-11-28T0400-library": library,
  "2026-11-28T0410-agenda": agenda,
  "2026-11-28T0420-live": live,
  "2026-11-28T0500-thread-search": threadSearch,
  "2026-12-04T1700-town-directory": townDirectory,
  "2026-12-04T1100-calendar-tokens": calendarTokens,
  "2026-12-04T1200-city-claims": cityClaims,
  "2026-12-04T2000-surveys": surveys,
  "2026-12-04T2100-networks": networks,
  "2026-12-04T2200-notifications": notifications,
  "2026-12-05T0200-survey-invitations": surveyInvitations,
  "2026-12-05T0300-survey-topics": surveyTopics,
  "2026-12-05T0600-notification-digests": notificationDigests,
  "2026-12-05T0500-network-live": networkLive,
  "2026-12-05T2200-events-ends-index": eventsEndsIndex,
};
