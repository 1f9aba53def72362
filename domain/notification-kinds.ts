/**
 * The kinds of notification, one row each. `transactional` kinds (a registration confirmed, an event moved) always go
 * by mail and cannot be turned off; the others default to `defaultChannel` and each person may choose mail, in-app or
 * off on /konto/powiadomienia. Other domains (surveys, networks) add their rows here and call
 * `services.notifications.notify(userIds, kind, data)`.
 */
export const notificationKinds = {
  registration_confirmed: { transactional: true, defaultChannel: "mail" },
  registration_waitlisted: { transactional: true, defaultChannel: "mail" },
  registration_promoted: { transactional: true, defaultChannel: "mail" },
  registration_cancelled: { transactional: true, defaultChannel: "mail" },
  event_changed: { transactional: true, defaultChannel: "mail" },
  event_cancelled: { transactional: true, defaultChannel: "mail" },
  event_reminder: { transactional: false, defaultChannel: "mail" },
  materials_added: { transactional: false, defaultChannel: "mail" },
  survey_opened: { transactional: false, defaultChannel: "mail" },
  survey_closing: { transactional: false, defaultChannel: "mail" },
  agenda_opened: { transactional: false, defaultChannel: "mail" },
  programme_published: { transactional: false, defaultChannel: "mail" },
  // During a webinar the person is usually in the room: the centre's live count is enough unless they choose mail.
  live_answer: { transactional: false, defaultChannel: "app" },
  // Networks of experience exchange (issue 14).
  network_reply: { transactional: false, defaultChannel: "app" },
  network_agreement_due: { transactional: false, defaultChannel: "mail" },
} as const satisfies Record<string, { transactional: boolean; defaultChannel: "mail" | "app" | "off" }>;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as NotificationKind[];
export const channels = ["mail", "app", "off"] as const;
export const digestFrequencies = ["off", "daily", "weekly"] as const;
/** What a person can follow for the digest (thematic areas, cities, networks). */
export const followTargets = ["area", "city", "network"] as const;
export type FollowTargetType = (typeof followTargets)[number];

/** Whether a kind name is in the table (input from forms and unsubscribe links). */
export function isNotificationKind(v: string): v is NotificationKind {
  return Object.hasOwn(notificationKinds, v);
}

/** Reminder offsets used when an event sets none: a day and an hour before. */
export const DEFAULT_REMINDER_MINUTES = [1440, 60];

/** When invited cities that have not submitted are reminded of a survey: a week and a day before it closes. */
export const SURVEY_REMINDER_MINUTES = [7 * 1440, 1440];
