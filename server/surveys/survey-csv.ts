import type { Answers } from "./survey-answers.js";
import type { SurveyQuestion } from "./survey-definition.js";

const cell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A submitted response as the exports list it. */
export type ExportRow = { cityName: string; voivodeship: string; sizeClass: string; answers: Answers };

/**
 * The answer columns of the exports (CSV and XLSX share them): option labels rather than ids (a spreadsheet is read
 * by people), choices joined with "; ", rankings in order, one column per matrix row.
 */
export function answerColumns(questions: SurveyQuestion[]): { head: string; value: (a: Answers) => string }[] {
  const columns: { head: string; value: (a: Answers) => string }[] = [];
  for (const q of questions) {
    const label = (id: string) => q.options?.find((o) => o.id === id)?.label ?? id;
    if (q.type === "matrix") {
      for (const r of q.rows ?? []) columns.push({ head: `${q.text} — ${r.label}`, value: (a) => label((a[q.id] as Record<string, string> | undefined)?.[r.id] ?? "") });
    } else {
      columns.push({
        head: q.text,
        value: (a) => {
          const v = a[q.id];
          if (v === undefined) return "";
          if (Array.isArray(v)) return v.map(label).join("; ");
          return typeof v === "string" ? (q.type === "scale" || q.type === "text" ? v : label(v)) : "";
        },
      });
    }
  }
  return columns;
}

/** Results as CSV, one row per respondent. Starts with a BOM so Excel reads the Polish letters. */
export function surveyCsv(questions: SurveyQuestion[], rows: ExportRow[]): string {
  const columns = answerColumns(questions);
  const lines = [["Miasto", "Województwo", "Wielkość", ...columns.map((c) => c.head)]];
  for (const r of rows) lines.push([r.cityName, r.voivodeship, r.sizeClass, ...columns.map((c) => c.value(r.answers))]);
  return "\uFEFF" + lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}
