import { surveyBuilder } from "../../domain/i18n/pl/survey-builder.js";
import { answerColumns, type ExportRow } from "./survey-csv.js";
import type { SurveyQuestion } from "./survey-definition.js";
import type { SurveyResults } from "./survey-results.js";

const x = surveyBuilder.xlsx;

/**
 * Results as an XLSX workbook: "Odpowiedzi" holds one row per respondent (the CSV's columns), "Podsumowanie" the
 * counts per question and option (per row and option for matrices) with means, taken from the same computed results
 * as the charts and the JSON API, so the three never disagree.
 */
export async function surveyXlsx(questions: SurveyQuestion[], rows: ExportRow[], results: SurveyResults): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on the first export: exceljs is about 7 MB of heap that the server would otherwise hold from start-up.
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Forum Rozwoju Lokalnego";

  const raw = book.addWorksheet(x.responses, { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = answerColumns(questions);
  raw.addRow([x.city, x.voivodeship, x.size, ...columns.map((c) => c.head)]).font = { bold: true };
  for (const r of rows) raw.addRow([r.cityName, r.voivodeship, r.sizeClass, ...columns.map((c) => c.value(r.answers))]);

  const sum = book.addWorksheet(x.summary, { views: [{ state: "frozen", ySplit: 1 }] });
  sum.addRow([x.question, x.row, x.answer, x.count, x.mean, x.meanRank, x.answered]).font = { bold: true };
  for (const q of questions) {
    const r = results.questions.find((res) => res.id === q.id);
    if (!r) continue;
    const label = (id: string) => q.options?.find((o) => o.id === id)?.label ?? id;
    if (q.type === "matrix") {
      const counts = r.counts as Record<string, Record<string, number>>;
      for (const row of q.rows ?? []) for (const o of q.options ?? []) sum.addRow([q.text, row.label, o.label, counts[row.id]?.[o.id] ?? 0, null, null, r.answered]);
    } else if (q.type === "text") {
      sum.addRow([q.text, null, null, r.answers?.length ?? 0, null, null, r.answered]);
    } else {
      const counts = r.counts as Record<string, number>;
      for (const [key, n] of Object.entries(counts)) sum.addRow([q.text, null, q.type === "scale" ? key : label(key), n, q.type === "scale" ? (r.mean ?? null) : null, r.meanRank?.[key] ?? null, r.answered]);
    }
  }
  for (const sheet of [raw, sum]) sheet.columns.forEach((c) => (c.width = 24));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
