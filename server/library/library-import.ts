import { createHash } from "node:crypto";
import type { DbHandle } from "../../db/index.js";
import { areaIdsBySlug } from "../../db/repositories/areas.js";
import { insertUnconfirmedCity, listCityKeys } from "../../db/repositories/cities.js";
import { findEventIdBySlug } from "../../db/repositories/events.js";
import { upsertImportedItems, type ImportRow } from "../../db/repositories/library.js";
import { library as t } from "../../domain/i18n/pl/library.js";
import { slugify } from "../../domain/slug.js";
import { cityNameKey } from "../../domain/city-name-key.js";
import { importLineSchema, type ImportLine } from "./library-schemas.js";
import { htmlToText, markdownToSafeHtml } from "./sanitize.js";

export type ImportRejection = { line: number; externalId: string | null; reasons: string[] };
/** A line that was kept but needs a person's attention (a new unconfirmed city, an ambiguous town name). */
export type ImportWarning = { line: number; externalId: string | null; message: string };
export type ImportReport = { total: number; created: number; updated: number; unchanged: number; rejected: ImportRejection[]; warnings: ImportWarning[]; dryRun: boolean };
export type ImportOptions = { dryRun?: boolean; actorId?: number | null; batchSize?: number; onProgress?: (done: number, total: number) => void };

function reasonsOf(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
}

/**
 * Imports JSONL text: every line validated with zod and its references (areas, city, event) resolved, valid lines
 * upserted by externalId in batched transactions, unchanged ones skipped. Returns counts and, for each rejected line,
 * its number and the reasons.
 */
export async function importLibraryJsonl(handle: DbHandle, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const db = handle.db;
  const dryRun = opts.dryRun ?? false;
  const areaIds = await areaIdsBySlug(db);
  const cities = await resolveCities(db);
  const eventCache = new Map<string, number | null>();
  const lines = text.split(/\r?\n/);
  const report: ImportReport = { total: 0, created: 0, updated: 0, unchanged: 0, rejected: [], warnings: [], dryRun };
  const seen = new Map<string, number>();
  const accepted: { line: number; v: ImportLine; areas: number[]; cityId: number | null; newCity: string | null; eventId: number | null }[] = [];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const line = i + 1;
    report.total++;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      report.rejected.push({ line, externalId: null, reasons: [t.import.badJson((error as Error).message)] });
      continue;
    }
    const parsed = importLineSchema.safeParse(json);
    const externalId = typeof (json as { externalId?: unknown })?.externalId === "string" ? (json as { externalId: string }).externalId : null;
    if (!parsed.success) {
      report.rejected.push({ line, externalId, reasons: reasonsOf(parsed.error.issues) });
      continue;
    }
    const v = parsed.data;
    const reasons: string[] = [];
    const prior = seen.get(v.externalId);
    if (prior) reasons.push(t.import.duplicate(prior));
    const areas: number[] = [];
    for (const slug of v.areas) {
      const id = areaIds.get(slug);
      if (id) areas.push(id);
      else reasons.push(`areas: ${t.validation.unknownArea(slug)}`);
    }
    let cityId: number | null = null;
    let newCity: string | null = null;
    let cityWarning: string | null = null;
    if (v.city) {
      const found = cities.resolve(v.city);
      if (found.kind === "found") {
        cityId = found.id;
        if (found.alternatives.length) cityWarning = t.import.cityAmbiguous(v.city, found.label, found.alternatives);
        else if (!found.confirmed) cityWarning = t.import.cityUnconfirmed(found.label);
      } else if (cityNameKey(v.city)) {
        // A place the directory lacks is kept: the city is created unconfirmed, for an admin to confirm or merge.
        newCity = v.city.trim().replace(/\s+/g, " ");
        cityWarning = dryRun ? t.import.cityWillBeCreated(newCity) : t.import.cityCreated(newCity);
      } else reasons.push(`city: ${t.validation.unknownCity(v.city)}`);
    } else if (v.kind === "good_practice") reasons.push(`city: ${t.validation.cityRequired}`);
    let eventId: number | null = null;
    if (v.event) {
      if (!eventCache.has(v.event)) eventCache.set(v.event, await findEventIdBySlug(db, v.event));
      eventId = eventCache.get(v.event) ?? null;
      if (!eventId) reasons.push(`event: ${t.validation.unknownEvent(v.event)}`);
    }
    if (reasons.length) {
      report.rejected.push({ line, externalId: v.externalId, reasons });
      continue;
    }
    seen.set(v.externalId, line);
    if (cityWarning) report.warnings.push({ line, externalId: v.externalId, message: cityWarning });
    accepted.push({ line, v, areas, cityId, newCity, eventId });
  }

  // New cities are created once per name, after validation, so rejected lines leave nothing behind.
  const created = new Map<string, number>();
  if (!dryRun) {
    for (const a of accepted) {
      if (!a.newCity) continue;
      const key = cityNameKey(a.newCity);
      if (!created.has(key)) created.set(key, (await insertUnconfirmedCity(db, a.newCity, slugify(a.newCity))).id);
    }
  }
  const valid: ImportRow[] = accepted.map((a) => toRow(a.line, a.v, a.areas, a.newCity ? (created.get(cityNameKey(a.newCity)) ?? null) : a.cityId, a.eventId));

  const batchSize = opts.batchSize ?? 100;
  let done = report.total - valid.length;
  opts.onProgress?.(done, report.total);
  for (let i = 0; i < valid.length; i += batchSize) {
    const batch = valid.slice(i, i + batchSize);
    try {
      for (const o of await upsertImportedItems(db, batch, opts.actorId ?? null, dryRun)) report[o.result]++;
    } catch (error) {
      for (const r of batch) report.rejected.push({ line: r.line, externalId: r.externalId, reasons: [t.import.batchFailed((error as Error).message)] });
    }
    done += batch.length;
    opts.onProgress?.(done, report.total);
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

function toRow(line: number, v: ImportLine, areaIds: number[], cityId: number | null, eventId: number | null): ImportRow {
  // The hash covers the validated line and its resolved references, so any change to either is an update.
  const hash = createHash("sha256").update(JSON.stringify({ v, areaIds, cityId, eventId })).digest("hex");
  const bodyHtml = markdownToSafeHtml(v.body);
  const gp = v.kind === "good_practice" ? v.goodPractice : undefined;
  return {
    line,
    externalId: v.externalId,
    hash,
    baseSlug: v.slug ?? slugify(v.title),
    build: (slug) => ({
      kind: v.kind,
      slug,
      externalId: v.externalId,
      title: v.title,
      summary: v.summary,
      bodySource: v.body,
      bodyHtml,
      bodyText: htmlToText(bodyHtml),
      tags: v.tags,
      authors: v.authors,
      cityId,
      eventId,
      year: v.year ?? (v.publishedOn ? Number(v.publishedOn.slice(0, 4)) : null),
      publishedOn: v.publishedOn ?? null,
      externalUrl: v.url ?? null,
      videoUrl: v.videoUrl ?? null,
      durationMinutes: v.durationMinutes ?? null,
      problem: gp?.problem ?? null,
      solution: gp?.solution ?? null,
      results: gp?.results ?? null,
      costAndFunding: gp?.costAndFunding ?? null,
      period: gp?.period ?? null,
      contact: gp?.contact ?? null,
      status: v.status,
      areaIds,
      importHash: hash,
    }),
  };
}

/** The report as plain text lines (CLI and logs). */
export function formatImportReport(r: ImportReport): string {
  const out = [t.import.counts({ total: r.total, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length })];
  if (r.dryRun) out.push(t.import.dryRunNote);
  if (r.warnings.length) out.push(t.import.warningsHeading);
  for (const w of r.warnings) out.push(`  ${t.import.line} ${w.line}${w.externalId ? ` (${w.externalId})` : ""}: ${w.message}`);
  if (r.rejected.length) out.push(t.import.rejectedHeading);
  for (const x of r.rejected) out.push(`  ${t.import.line} ${x.line}${x.externalId ? ` (${x.externalId})` : ""}: ${x.reasons.join("; ")}`);
  return out.join("\n");
}

type CityResolution = { kind: "found"; id: number; label: string; confirmed: boolean; alternatives: string[] } | { kind: "missing" };

/**
 * Resolves the city of an import line by TERYT code, slug or name; names match in any case and with or without
 * diacritics. Of several towns of one name, a confirmed one wins, then the most populous, and the others are named
 * in a warning so a person can check the choice.
 */
async function resolveCities(db: DbHandle["db"]): Promise<{ resolve: (value: string) => CityResolution }> {
  const rows = await listCityKeys(db);
  const byCode = new Map<string, (typeof rows)[number]>();
  const byKey = new Map<string, (typeof rows)[number][]>();
  for (const c of rows) {
    if (c.teryt) byCode.set(c.teryt, c);
    byCode.set(c.slug, c);
    byKey.set(c.nameKey, [...(byKey.get(c.nameKey) ?? []), c]);
  }
  const label = (c: (typeof rows)[number]) => (c.voivodeship ? `${c.name} (${c.voivodeship})` : c.name);
  return {
    resolve(value) {
      const v = value.trim();
      const exact = byCode.get(v);
      if (exact) return { kind: "found", id: exact.id, label: label(exact), confirmed: exact.confirmed === 1, alternatives: [] };
      const same = [...(byKey.get(cityNameKey(v)) ?? [])].sort((a, b) => b.confirmed - a.confirmed || b.population - a.population || a.id - b.id);
      if (!same.length) return { kind: "missing" };
      const [first, ...others] = same;
      return { kind: "found", id: first.id, label: label(first), confirmed: first.confirmed === 1, alternatives: others.map(label) };
    },
  };
}
