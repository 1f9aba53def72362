import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";

const f = t.notifications.follow;

/**
 * "Obserwuj" on a city or network page: a plain form (works without JavaScript) that follows or unfollows the place
 * for the digest. Shown to signed-in people only (`following` is null for visitors).
 */
export function FollowButton({ target, slug, name, following }: { target: "city" | "network"; slug: string; name: string; following: boolean | null }) {
  if (following === null) return null;
  const label = target === "city" ? (following ? f.unfollowCity(name) : f.followCity(name)) : following ? f.unfollowNetwork(name) : f.followNetwork(name);
  return (
    <Form method="post" action="/obserwuj" className="follow-form" id="follow">
      <CsrfInput />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="state" value={following ? "off" : "on"} />
      {following ? <p className="card-meta">{f.following}</p> : null}
      <button type="submit" className={following ? "button-secondary" : undefined}>
        {label}
      </button>
    </Form>
  );
}
