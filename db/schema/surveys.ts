import type { Generated } from "kysely";

// City surveys (issue 13). Questions and answers are JSON text on both dialects (server/surveys/survey-definition.ts).
export type SurveyRespondent = "city" | "person";
export type SurveyResponseStatus = "draft" | "submitted";

export interface SurveysTable {
  id: Generated<number>;
  slug: string;
  title: string;
  intro: string;
  respondent: SurveyRespondent;
  opensAt: string;
  closesAt: string;
  questions: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number | null; // UNIQUE (survey_id, city_id): one response per city
  personId: number | null; // UNIQUE (survey_id, person_id): one response per person
  status: SurveyResponseStatus;
  answers: string;
  version: number; // bumped on every write; a stale form is refused instead of overwriting someone's answers
  updatedBy: number | null;
  submittedBy: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A city invited to a survey; `contactEmail` is where its personal sign-up link goes when it has no representative. */
export interface SurveyInvitedCitiesTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number; // UNIQUE (survey_id, city_id)
  contactEmail: string | null;
  invitedBy: number | null;
  invitedAt: string;
  lastSentAt: string | null;
}

/** A personal sign-up link for a city without an account: single use, expires, bound to the city; only its hash is kept. */
export interface SurveyInvitationsTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number;
  email: string;
  tokenHash: string | null;
  expiresAt: string | null;
  usedAt: string | null;
  usedBy: number | null;
  lastSentAt: string;
  createdBy: number | null;
  createdAt: string;
}

/** One reminder (offset `minutes` before `closesAt`) sent to one city: the claim that keeps it to once. */
export interface SurveyRemindersSentTable {
  id: Generated<number>;
  surveyId: number;
  cityId: number;
  closesAt: string;
  minutes: number;
  sentAt: string;
}

/** A topic staff merged from similar open answers of a text question (issue 13). */
export interface SurveyTopicsTable {
  id: Generated<number>;
  surveyId: number;
  questionId: string;
  label: string;
  area: string; // thematic area slug or ""
  createdBy: number | null;
  createdAt: string;
}

/** The cities whose open answers were merged into a topic: its backers. */
export interface SurveyTopicCitiesTable {
  topicId: number;
  cityId: number;
}
