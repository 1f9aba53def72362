import * as Y from "yjs";
import { agendaRoots, createProposalMap } from "../../domain/agenda-doc.js";
import { surveys as text } from "../../domain/i18n/pl/surveys.js";
import type { AgendaDocs } from "../agenda/agenda-hub.js";
import { ORIGIN } from "../agenda/agenda-room.js";
import { agendaDocName } from "../agenda/doc-name.js";
import type { SurveyDefinition } from "./survey-definition.js";
import type { SurveyResults } from "./survey-results.js";
import type { ProposableTopic } from "./survey-topics.js";

export type ProposeOutcome = { added: string[]; existing: string[]; unknown: string[] };

/** `survey:<slug>:<optionId>`: marks a proposal as coming from a survey option, so proposing it again adds nothing. */
export const surveySource = (slug: string, optionId: string) => `survey:${slug}:${optionId}`;

/**
 * Adds the chosen topic options (options of `topics: true` questions, or topics staff merged from open answers) to
 * the event's agenda document in one server transaction: the vote guard trusts the server origin, the hub persists
 * and broadcasts it like any other change.
 */
export async function proposeTopics(
  hub: AgendaDocs,
  eventId: number,
  survey: SurveyDefinition,
  results: SurveyResults & { rows: { citySlug: string; cityName: string }[] },
  optionIds: string[],
  merged: ProposableTopic[] = [],
): Promise<ProposeOutcome> {
  const names = new Map(results.rows.map((r) => [r.citySlug, r.cityName]));
  for (const m of merged) for (const [slug, name] of Object.entries(m.names)) names.set(slug, name);
  const topics = survey.questions.filter((q) => q.topics);
  const outcome: ProposeOutcome = { added: [], existing: [], unknown: [] };
  await hub.withDoc(agendaDocName(eventId), (doc) => {
    const { proposals } = agendaRoots(doc);
    const present = new Set(
      proposals
        .toArray()
        .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
        .map((m) => m.get("source")),
    );
    const fresh: Y.Map<unknown>[] = [];
    for (const optionId of [...new Set(optionIds)]) {
      const question = topics.find((q) => q.options?.some((o) => o.id === optionId));
      const option = question?.options?.find((o) => o.id === optionId);
      const topic = option ? undefined : merged.find((t) => t.optionId === optionId);
      if (!(question && option) && !topic) {
        outcome.unknown.push(optionId);
        continue;
      }
      const source = surveySource(survey.slug, optionId);
      if (present.has(source)) {
        outcome.existing.push(optionId);
        continue;
      }
      const counted = question ? (results.questions.find((r) => r.id === question.id)?.backers as Record<string, string[]> | undefined) : undefined;
      const backers = topic ? [...topic.backers] : [...(counted?.[optionId] ?? [])];
      const title = topic ? topic.label : option!.label;
      const area = topic ? topic.area : (option!.area ?? "");
      const m = createProposalMap({ title, why: text.propose.why(backers.length), area, city: "", authorId: 0, authorName: survey.title });
      m.set("source", source);
      m.set("backers", backers);
      m.set("backerNames", backers.map((b) => names.get(b) ?? b));
      fresh.push(m);
      present.add(source);
      outcome.added.push(optionId);
    }
    if (fresh.length) doc.transact(() => proposals.push(fresh), ORIGIN.server);
  });
  return outcome;
}
