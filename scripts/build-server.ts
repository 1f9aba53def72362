/**
 * Compiles the server's TypeScript (server/, db/, search/, domain/) to plain JavaScript in build/node/, file for file,
 * for `npm start`. Production runs this output with node, not the sources with tsx: under tsx every module's source
 * is held with an inline source map and tsx's loader thread stays up (heap 32.9 → 27.7 MB, resident memory
 * 273 → 190 MB; issue 16, decision 0013).
 * Files that are not TypeScript (seed data, worker entries) are copied beside the output, so every path the code
 * resolves against import.meta.url finds the same file it finds in the sources.
 * Usage: tsx scripts/build-server.ts   (npm run build runs it after the Remix build)
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const SERVER_ROOTS = ["server", "db", "search", "domain"];
export const SERVER_OUT_DIR = path.join("build", "node");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Compiles `roots` (relative to the working directory) into `outDir`, keeping their layout; returns the file count. */
export async function buildServer(roots: string[] = SERVER_ROOTS, outDir: string = SERVER_OUT_DIR): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const files = roots.flatMap(filesUnder).filter((f) => !/\.test\.ts$/.test(f));
  const sources = files.filter((f) => f.endsWith(".ts"));
  await build({
    entryPoints: sources,
    outdir: outDir,
    outbase: ".",
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  for (const f of files.filter((f) => !f.endsWith(".ts"))) {
    mkdirSync(path.dirname(path.join(outDir, f)), { recursive: true });
    copyFileSync(f, path.join(outDir, f));
  }
  return sources.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const count = await buildServer();
  console.log(`server: ${count} files compiled to ${SERVER_OUT_DIR} in ${Date.now() - started} ms`);
}
