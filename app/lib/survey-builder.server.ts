import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { applyIntent, draftFromForm, parseIntent, type SurveyDraft } from "../../server/surveys/survey-builder-form.js";
import type { DefinitionIssue } from "../../server/surveys/survey-definition.js";
import type { StoreOutcome } from "../../server/surveys/survey-import.js";
import { readForm } from "./forms.server";
import { permissionResponse } from "./guards.server";

export type BuilderActionData = { draft: SurveyDraft; issues: DefinitionIssue[] };

/**
 * One post of the survey builder (new and edit pages): reads the whole form into a draft, applies the pressed button
 * (add, move, remove, save), validates and stores it through `store`. Stored: a redirect back to the edit page,
 * landing on the question the button moved or added. Refused: 400 with the draft as sent and every problem, nothing
 * stored.
 */
export async function builderAction(request: Request, context: AppLoadContext, store: (draft: SurveyDraft) => Promise<StoreOutcome>, notice: "zapisano" | "utworzono") {
  const form = await readForm(request, context);
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "_csrf" && e[0] !== "intent");
  const { draft, focus } = applyIntent(draftFromForm(entries), parseIntent(String(form.get("intent") ?? "save")));
  let outcome: StoreOutcome;
  try {
    outcome = await store(draft);
  } catch (error) {
    permissionResponse(error, request);
  }
  if (!outcome.ok) return json<BuilderActionData>({ draft, issues: outcome.issues }, { status: 400 });
  return redirect(`/ankiety/${outcome.slug}/edycja?${notice}=1${focus === null ? "" : `#pytanie-${focus + 1}`}`);
}
