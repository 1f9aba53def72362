// Meilisearch filter syntax (=, !=, >, >=, <, <=, TO, IN [...], NOT IN, EXISTS, NOT, AND, OR, parentheses) parsed
// into a small AST, validated against FILTERABLE and compiled to a predicate for the embedded engine. The
// Meilisearch adapter validates with the same parser so both adapters reject the same filters.
import { FILTERABLE, SearchQueryError } from "../types.js";

export type FilterField = (typeof FILTERABLE)[number];
export type FilterValues = Record<FilterField, string | number | string[] | null>;

type Cmp = "=" | "!=" | ">" | ">=" | "<" | "<=";
export type FilterNode =
  | { type: "and" | "or"; items: FilterNode[] }
  | { type: "not"; item: FilterNode }
  | { type: "cmp"; field: FilterField; op: Cmp; value: string }
  | { type: "in"; field: FilterField; values: string[] }
  | { type: "range"; field: FilterField; from: string; to: string }
  | { type: "exists"; field: FilterField };

const NUMERIC: ReadonlySet<string> = new Set(["year", "eventId"]);
const TOKEN_RE = /\s*(?:(\(|\)|\[|\]|,)|(!=|>=|<=|=|>|<)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s()[\],=!<>"']+))/y;

type Tok = { kind: "punct" | "op" | "str" | "word"; text: string };

function lex(input: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < input.length) {
    if (/^\s*$/.test(input.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(input);
    if (!m) throw new SearchQueryError(`Nieprawidłowy filtr: nie rozumiem znaku na pozycji ${pos + 1}.`);
    pos = TOKEN_RE.lastIndex;
    if (m[1]) out.push({ kind: "punct", text: m[1] });
    else if (m[2]) out.push({ kind: "op", text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: "str", text: m[3].replace(/\\(.)/g, "$1") });
    else if (m[4] !== undefined) out.push({ kind: "str", text: m[4].replace(/\\(.)/g, "$1") });
    else out.push({ kind: "word", text: m[5] });
  }
  return out;
}

/** Parses a Meilisearch filter expression; throws SearchQueryError with a readable message. */
export function parseFilter(input: string): FilterNode | null {
  if (!input.trim()) return null;
  const toks = lex(input);
  let i = 0;
  const peekKw = (kw: string) => toks[i]?.kind === "word" && toks[i].text.toUpperCase() === kw;
  const fail = (what: string): never => {
    throw new SearchQueryError(`Nieprawidłowy filtr „${input}”: ${what}.`);
  };
  const value = (): string => {
    const t = toks[i];
    if (!t || (t.kind !== "str" && t.kind !== "word")) fail("brak wartości");
    i++;
    return t.text;
  };
  const field = (): FilterField => {
    const t = toks[i];
    if (!t || t.kind !== "word") fail("oczekiwano nazwy atrybutu");
    if (!(FILTERABLE as readonly string[]).includes(t.text)) {
      fail(`atrybut „${t.text}” nie jest filtrowalny (dozwolone: ${FILTERABLE.join(", ")})`);
    }
    i++;
    return t.text as FilterField;
  };
  const numeric = (f: FilterField, v: string, op: string) => {
    if (!Number.isFinite(Number(v))) fail(`operator ${op} wymaga liczby, otrzymano „${v}”`);
    if (!NUMERIC.has(f)) fail(`operator ${op} działa tylko na atrybutach liczbowych (year, eventId)`);
  };
  const condition = (): FilterNode => {
    const f = field();
    if (peekKw("NOT") && toks[i + 1]?.kind === "word" && ["IN", "EXISTS"].includes(toks[i + 1].text.toUpperCase())) {
      i++;
      return { type: "not", item: afterField(f) };
    }
    return afterField(f);
  };
  const afterField = (f: FilterField): FilterNode => {
    if (peekKw("EXISTS")) {
      i++;
      return { type: "exists", field: f };
    }
    if (peekKw("IN")) {
      i++;
      if (toks[i]?.text !== "[") fail("po IN oczekiwano [");
      i++;
      const values: string[] = [];
      while (toks[i] && toks[i].text !== "]") {
        values.push(value());
        if (toks[i]?.text === ",") i++;
        else if (toks[i]?.text !== "]") fail("w liście IN oczekiwano przecinka lub ]");
      }
      if (toks[i]?.text !== "]") fail("brak zamykającego ]");
      i++;
      return { type: "in", field: f, values };
    }
    const t = toks[i];
    if (t?.kind === "op") {
      i++;
      const v = value();
      if (t.text !== "=" && t.text !== "!=") numeric(f, v, t.text);
      return { type: "cmp", field: f, op: t.text as Cmp, value: v };
    }
    if (t && (t.kind === "word" || t.kind === "str") && toks[i + 1]?.kind === "word" && toks[i + 1].text.toUpperCase() === "TO") {
      const from = value();
      i++;
      const to = value();
      numeric(f, from, "TO");
      numeric(f, to, "TO");
      return { type: "range", field: f, from, to };
    }
    return fail(`po atrybucie „${f}” oczekiwano operatora (=, !=, >, >=, <, <=, IN, TO, EXISTS)`);
  };
  const primary = (): FilterNode => {
    if (peekKw("NOT")) {
      i++;
      return { type: "not", item: primary() };
    }
    if (toks[i]?.text === "(") {
      i++;
      const e = or();
      if (toks[i]?.text !== ")") fail("brak zamykającego nawiasu");
      i++;
      return e;
    }
    return condition();
  };
  const and = (): FilterNode => {
    const items = [primary()];
    while (peekKw("AND")) {
      i++;
      items.push(primary());
    }
    return items.length === 1 ? items[0] : { type: "and", items };
  };
  const or = (): FilterNode => {
    const items = [and()];
    while (peekKw("OR")) {
      i++;
      items.push(and());
    }
    return items.length === 1 ? items[0] : { type: "or", items };
  };
  const tree = or();
  if (i < toks.length) fail(`nieoczekiwane „${toks[i].text}”`);
  return tree;
}

type Value = string | number | null;

/** Equality as Meilisearch filters it: numbers numerically, strings case-insensitively. */
function equals(expected: string): (x: Value) => boolean {
  const lower = expected.toLowerCase();
  const num = Number(expected);
  return (x) => {
    if (x === null || x === undefined) return false;
    if (typeof x === "number") return x === num;
    return x === lower || (x.length === lower.length && x.toLowerCase() === lower);
  };
}

/** A test on one attribute; arrays (areas) pass when any element passes. Closures are built once per query. */
function onField(field: FilterField, test: (x: Value) => boolean): (d: FilterValues) => boolean {
  return (d) => {
    const v = d[field];
    if (!Array.isArray(v)) return test(v);
    for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
    return false;
  };
}

/** Compiles a parsed filter into a predicate over a document's filterable values. */
export function compileFilter(node: FilterNode | null): (doc: FilterValues) => boolean {
  if (!node) return () => true;
  switch (node.type) {
    case "and": {
      const parts = node.items.map(compileFilter);
      return (d) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i](d)) return false;
        return true;
      };
    }
    case "or": {
      const parts = node.items.map(compileFilter);
      return (d) => {
        for (let i = 0; i < parts.length; i++) if (parts[i](d)) return true;
        return false;
      };
    }
    case "not": {
      const inner = compileFilter(node.item);
      return (d) => !inner(d);
    }
    case "exists":
      return (d) => d[node.field] !== null && d[node.field] !== undefined;
    case "in": {
      const tests = node.values.map(equals);
      return onField(node.field, (x) => {
        for (let i = 0; i < tests.length; i++) if (tests[i](x)) return true;
        return false;
      });
    }
    case "range": {
      const from = Number(node.from);
      const to = Number(node.to);
      return onField(node.field, (x) => typeof x === "number" && x >= from && x <= to);
    }
    case "cmp": {
      const { field, op } = node;
      if (op === "=") return onField(field, equals(node.value));
      // Meilisearch: `areas != x` keeps documents where no element equals x (and those without the attribute).
      if (op === "!=") {
        const eq = onField(field, equals(node.value));
        return (d) => !eq(d);
      }
      const n = Number(node.value);
      const cmp: (x: Value) => boolean =
        op === ">" ? (x) => typeof x === "number" && x > n
        : op === ">=" ? (x) => typeof x === "number" && x >= n
        : op === "<" ? (x) => typeof x === "number" && x < n
        : (x) => typeof x === "number" && x <= n;
      return onField(field, cmp);
    }
  }
}
