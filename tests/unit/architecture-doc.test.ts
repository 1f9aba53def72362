// docs/architecture.md is the walkthrough for adding a domain, followed without anyone to ask: every file, folder and
// linked document it names must exist. A path with a placeholder (`db/repositories/<domain>.ts`, `*.server.ts`) is a
// pattern, not a file, and is left out; a bare file name (`ankiety.nowa.tsx`) must exist somewhere in the project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ROOTS = /^(app|server|db|search|domain|tests|docs|scripts|bench|public)\//;
const FILE = /^[\w$.[\]-]+\.(tsx?|mjs|cjs|js|md|json|jsonl|css)$/;
const isPattern = (p: string) => /[<>*…]|NNNN/.test(p);

function namesInProject(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".git", "build", "data", ".tmp"].includes(entry.name)) continue;
    if (entry.isDirectory()) namesInProject(path.join(dir, entry.name), found);
    else found.add(entry.name);
  }
  return found;
}

function named(doc: string) {
  const text = readFileSync(path.join(root, doc), "utf8");
  const code = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
  const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
  return {
    paths: [...new Set(code.filter((c) => ROOTS.test(c) && !isPattern(c) && !c.includes(" ")))],
    files: [...new Set(code.filter((c) => FILE.test(c) && !c.includes("/") && !isPattern(c)))],
    links: [...new Set(links.map((l) => path.join(path.dirname(doc), l)))],
  };
}

describe("docs/architecture.md names only what exists", () => {
  const { paths, files, links } = named("docs/architecture.md");
  const names = namesInProject(root);

  it("finds the paths it names", () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it("finds the files it names by their name alone", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !names.has(f) && !existsSync(path.join(root, f)))).toEqual([]);
  });

  it("finds the documents it links to", () => {
    expect(links.filter((l) => !existsSync(path.join(root, l)))).toEqual([]);
  });
});

describe("docs/data-sources.md names only what exists", () => {
  it("finds the paths it names", () => {
    const { paths } = named("docs/data-sources.md");
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });
});
