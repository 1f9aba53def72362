// The JavaScript budget check (scripts/js-budget.ts) on a tiny fake Remix build: it follows static and dynamic
// imports, counts parent routes, skips resource routes, and fails (exit code 1) when a page is over its budget.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { checkBudget, KB, measureRoutes, readManifest } from "../../scripts/js-budget.js";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Random base64 carries 6 bits a character and gzip cannot do better, so this weighs about `kb` KB gzipped. */
const noise = (kb: number) => `/*${randomBytes(kb * KB).toString("base64").slice(0, Math.round((kb * KB * 4) / 3))}*/`;

function fakeBuild(opts: { lazyKb: number }) {
  dir = mkdtempSync(path.join(tmpdir(), "js-budget-"));
  mkdirSync(path.join(dir, "_shared"));
  mkdirSync(path.join(dir, "routes"));
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write("entry.client-A.js", `import"/build/_shared/react-B.js";`);
  write("_shared/react-B.js", noise(40));
  write("root-C.js", `import{a}from"/build/_shared/i18n-D.js";`);
  write("_shared/i18n-D.js", noise(20));
  write("routes/library-E.js", `import"/build/_shared/list-F.js";`);
  write("_shared/list-F.js", noise(30));
  // A page that loads its editor later, with import(): still JavaScript the visitor downloads.
  write("routes/editor-G.js", `const m=()=>import("/build/_shared/editor-H.js");`);
  write("_shared/editor-H.js", noise(opts.lazyKb));
  write("routes/editor.print-I.js", "");
  write("routes/api-J.js", noise(500));
  const manifest = {
    entry: { module: "/build/entry.client-A.js", imports: ["/build/_shared/react-B.js"] },
    routes: {
      root: { id: "root", module: "/build/root-C.js", imports: ["/build/_shared/i18n-D.js"] },
      "routes/biblioteka._index": { id: "routes/biblioteka._index", parentId: "root", module: "/build/routes/library-E.js" },
      "routes/wydarzenia.$slug.program": { id: "routes/wydarzenia.$slug.program", parentId: "root", module: "/build/routes/editor-G.js" },
      "routes/wydarzenia.$slug.program.druk": { id: "routes/wydarzenia.$slug.program.druk", parentId: "routes/wydarzenia.$slug.program", module: "/build/routes/editor.print-I.js" },
      "routes/api.search": { id: "routes/api.search", parentId: "root", module: "/build/routes/api-J.js" },
    },
  };
  write("manifest-K.js", `window.__remixManifest=${JSON.stringify(manifest)};`);
  return (id: string) => id !== "routes/api.search";
}

describe("JavaScript budget", () => {
  it("adds up entry, root, route, parents and lazily imported chunks per page, and skips resource routes", () => {
    const isPage = fakeBuild({ lazyKb: 100 });
    const rows = Object.fromEntries(measureRoutes(dir, readManifest(dir), isPage).map((r) => [r.route, r]));
    expect(Object.keys(rows).sort()).toEqual(["routes/biblioteka._index", "routes/wydarzenia.$slug.program", "routes/wydarzenia.$slug.program.druk"]);
    expect(rows["routes/biblioteka._index"].gzipBytes / KB).toBeGreaterThan(89);
    expect(rows["routes/biblioteka._index"].gzipBytes / KB).toBeLessThan(95);
    expect(rows["routes/wydarzenia.$slug.program"].gzipBytes / KB).toBeGreaterThan(159);
    // The print view renders inside the workspace: its parent's editor counts, and so does the workspace budget.
    expect(rows["routes/wydarzenia.$slug.program.druk"].gzipBytes).toBeGreaterThanOrEqual(rows["routes/wydarzenia.$slug.program"].gzipBytes);
    expect(rows["routes/wydarzenia.$slug.program.druk"].budget).toBe(300 * KB);
    expect(rows["routes/biblioteka._index"].budget).toBe(150 * KB);
  });

  it("passes within budget and fails, naming the route, when a page is over", () => {
    const lines: string[] = [];
    const within = fakeBuild({ lazyKb: 100 });
    expect(checkBudget(dir, within, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/budget met on 3 routes/);
    rmSync(dir, { recursive: true, force: true });

    const over: string[] = [];
    const isPage = fakeBuild({ lazyKb: 260 });
    expect(checkBudget(dir, isPage, (l) => over.push(l))).toBe(1);
    expect(over.join("\n")).toMatch(/routes\/wydarzenia\.\$slug\.program\s+3\d\d\.\d KB\s+300\.0 KB\s+\d+\s+OVER BUDGET/);
    expect(over.at(-1)).toMatch(/exceeded on 2 route\(s\): routes\/wydarzenia\.\$slug\.program/);
  });
});
