import { z } from "zod";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";
import { channels, digestFrequencies, notificationKindNames, notificationKinds } from "../../domain/notification-kinds.js";

const switchable = notificationKindNames.filter((k) => !notificationKinds[k].transactional);

/**
 * The settings form of /konto/powiadomienia: one radio group per switchable kind (`channel_<kind>`), the digest
 * frequency and what is followed (`areas[]`, `cities[]`, `networks[]`: slugs). An unknown choice or a missing digest
 * is a 400, nothing is saved.
 */
export const notificationSettingsSchema = z
  .object({
    // A kind missing from the post keeps its current choice (a browser always sends every group: each has a checked
    // radio); a value that is not one of the channels is a 400.
    ...Object.fromEntries(switchable.map((k) => [`channel_${k}`, z.enum(channels, { message: t.badChoice }).optional()])),
    digest: z.enum(digestFrequencies, { message: t.badChoice }),
    areas: z.array(z.string().max(64)).max(50).default([]),
    cities: z.array(z.string().max(120)).max(500).default([]),
    networks: z.array(z.string().max(120)).max(200).default([]),
  })
  .transform((v) => {
    const raw = v as Record<string, unknown>;
    return {
      channels: Object.fromEntries(switchable.filter((k) => raw[`channel_${k}`] !== undefined).map((k) => [k, raw[`channel_${k}`] as (typeof channels)[number]])),
      digest: v.digest,
      areaSlugs: [...new Set(v.areas)],
      citySlugs: [...new Set(v.cities)],
      networkSlugs: [...new Set(v.networks)],
    };
  });

export type NotificationSettingsForm = z.infer<typeof notificationSettingsSchema>;

/** The notification centre's buttons: one notification read (`id`), or all of them. */
export const markReadSchema = z.union([
  z.object({ intent: z.literal("read"), id: z.coerce.number({ message: t.badChoice }).int(t.badChoice).positive(t.badChoice).max(2 ** 31, t.badChoice) }),
  z.object({ intent: z.literal("read-all") }),
]);

/** The "Obserwuj" button of a city or network page: what to follow, on or off, and the page to return to. */
export const followSchema = z.object({
  target: z.enum(["city", "network"], { message: t.badChoice }),
  slug: z.string({ message: t.follow.unknown }).min(1, t.follow.unknown).max(120, t.follow.unknown),
  state: z.enum(["on", "off"], { message: t.badChoice }),
});
