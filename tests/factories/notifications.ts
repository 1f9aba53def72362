import { notificationKindNames, notificationKinds } from "../../domain/notification-kinds.js";

/** The settings form's channel fields with one choice for every kind a person may switch (new kinds included). */
export function everyChannel(channel: "mail" | "app" | "off"): Record<string, string> {
  return Object.fromEntries(notificationKindNames.filter((k) => !notificationKinds[k].transactional).map((k) => [`channel_${k}`, channel]));
}
