/**
 * JavaScript budget (issue 16): for every page route of the Remix build, the gzip size of all the JavaScript a browser
 * loads for it — the entry, root, the route and its parents, every chunk they import, and chunks they load later with
 * import() (the agenda editor) — against a budget: read pages 150 KB, workspaces 300 KB.
 * `npm test` runs it after `npm run build`; it prints a table and exits 1 when a route is over.
 * Usage: tsx scripts/js-budget.ts [assets folder, default public/build or $FRL_BUILD_DIR/public/build]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

export const KB = 1024;
export const READ_PAGE_BUDGET = 150 * KB;
export const WORKSPACE_BUDGET = 300 * KB;
/** Pages where people work for a while (editor, live room, notes, survey builder) may load more; so may the pages
 * nested in them (the agenda's history and print views render inside the agenda workspace). */
export const WORKSPACE_ROUTES = new Set([
  "routes/wydarzenia.$slug.program", // agenda workspace (Yjs editor)
  "routes/wydarzenia.$slug.na-zywo", // live room
  "routes/wydarzenia.$slug.na-zywo_.prezenter", // live room, presenter view
  "routes/sieci_.$slug", // network page with shared notes
  "routes/ankiety.$slug", // survey form and builder
  "routes/biblioteka.$slug_.edycja", // library item editor
  "routes/biblioteka.nowa",
  "routes/wydarzenia.$slug.edycja",
  "routes/wydarzenia.nowe",
]);

interface ManifestRoute { id: string; parentId?: string; module: string; imports?: string[] }
export interface AssetsManifest { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute> }
export interface RouteWeight { route: string; gzipBytes: number; budget: number; files: number; over: boolean }

/** Reads window.__remixManifest from public/build/manifest-*.js. */
export function readManifest(assetsDir: string): AssetsManifest {
  const file = readdirSync(assetsDir).find((name) => /^manifest-[A-Z0-9]+\.js$/i.test(name));
  if (!file) throw new Error(`No manifest-*.js in ${assetsDir}: run npm run build first.`);
  const text = readFileSync(path.join(assetsDir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as AssetsManifest;
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g;

/**
 * Measures every route that renders a page (`isPage`; resource routes such as /api/search load no JavaScript);
 * `publicPath` (/build/) maps module URLs onto files in assetsDir.
 */
export function measureRoutes(assetsDir: string, manifest: AssetsManifest, isPage: (id: string) => boolean = () => true, publicPath = "/build/"): RouteWeight[] {
  const gzipCache = new Map<string, { size: number; imports: string[] }>();
  const load = (url: string) => {
    let hit = gzipCache.get(url);
    if (!hit) {
      const source = readFileSync(path.join(assetsDir, url.startsWith(publicPath) ? url.slice(publicPath.length) : url));
      const imports = [...source.toString("utf8").matchAll(importPattern)].map((m) => new URL(m[1], `http://x${url}`).pathname);
      hit = { size: gzipSync(source).length, imports };
      gzipCache.set(url, hit);
    }
    return hit;
  };
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const url = stack.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      stack.push(...load(url).imports);
    }
    return seen;
  };
  const chain = (id: string): ManifestRoute[] => {
    const route = manifest.routes[id];
    return route ? [...(route.parentId ? chain(route.parentId) : []), route] : [];
  };
  const entryFiles = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  return Object.values(manifest.routes)
    .filter((route) => route.id !== "root" && isPage(route.id))
    .map((route) => {
      const routes = chain(route.id);
      const files = closure([...entryFiles, ...routes.flatMap((r) => [r.module, ...(r.imports ?? [])])]);
      const gzipBytes = [...files].reduce((sum, url) => sum + load(url).size, 0);
      const budget = routes.some((r) => WORKSPACE_ROUTES.has(r.id)) ? WORKSPACE_BUDGET : READ_PAGE_BUDGET;
      return { route: route.id, gzipBytes, budget, files: files.size, over: gzipBytes > budget };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export function formatTable(rows: RouteWeight[]): string {
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  const lines = [`${"route".padEnd(width)}  ${"JS gzip".padStart(10)}  ${"budget".padStart(9)}  files`];
  for (const r of rows) lines.push(`${r.route.padEnd(width)}  ${kb(r.gzipBytes).padStart(10)}  ${kb(r.budget).padStart(9)}  ${String(r.files).padStart(5)}${r.over ? "  OVER BUDGET" : ""}`);
  return lines.join("\n");
}

/** Runs the check; returns the process exit code. */
export function checkBudget(assetsDir: string, isPage?: (id: string) => boolean, log: (line: string) => void = console.log): number {
  const rows = measureRoutes(assetsDir, readManifest(assetsDir), isPage);
  log(formatTable(rows));
  const over = rows.filter((r) => r.over);
  log(over.length ? `JavaScript budget exceeded on ${over.length} route(s): ${over.map((r) => r.route).join(", ")}` : `JavaScript budget met on ${rows.length} routes.`);
  return over.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const buildDir = path.resolve(process.env.FRL_BUILD_DIR ?? "build");
  const assetsDir = path.resolve(process.argv[2] ?? (process.env.FRL_BUILD_DIR ? path.join(buildDir, "public/build") : "public/build"));
  // The server build knows which routes render a component (a default export); the others are resource routes.
  const server = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as { routes: Record<string, { module: { default?: unknown } }> };
  const code = checkBudget(assetsDir, (id) => Boolean(server.routes[id]?.module.default));
  process.exit(code);
}
