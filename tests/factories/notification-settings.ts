import { notificationKindNames, notificationKinds } from "../../domain/notification-kinds.js";

/**
 * The /konto/powiadomienia form as the page submits it: every switchable kind at its default channel (the page always
 * sends one choice per kind), with the given fields on top. Kinds added later by other domains need no test changes.
 */
export function settingsForm(fields: Record<string, string | string[]>): Record<string, string | string[]> {
  const defaults = Object.fromEntries(notificationKindNames.filter((k) => !notificationKinds[k].transactional).map((k) => [`channel_${k}`, notificationKinds[k].defaultChannel]));
  return { ...defaults, ...fields };
}
