import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { followSchema } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { formToObject, readForm, validate } from "~/lib/forms.server";
import { requireUser } from "~/lib/guards.server";

// The "Obserwuj" buttons of city and network pages post here; a person lands back on the page they came from.
export function loader() {
  return redirect("/konto/powiadomienia");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await readForm(request, context);
  const parsed = validate(followSchema, formToObject(form));
  if (!parsed.ok) return json({ message: t.notifications.badChoice }, { status: 400 });
  const { target, slug, state } = parsed.data;
  if (!(await context.services.notifications.follow(user.id, target, slug, state === "on"))) return json({ message: t.notifications.follow.unknown }, { status: 404 });
  return redirect(`/${target === "city" ? "miasta" : "sieci"}/${encodeURIComponent(slug)}#follow`, 303);
}
