import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");
const stats = new Map();
const probe = new Database(":memory:");
const Stmt = Object.getPrototypeOf(probe.prepare("select 1"));
for (const m of ["all", "get", "run", "iterate"]) {
  const orig = Stmt[m];
  Stmt[m] = function (...a) { const t = performance.now(); try { return orig.apply(this, a); } finally { const k = this.source.slice(0, 300); const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(k, s); } };
}
process.on("SIGUSR2", () => { for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.error(s.n, s.ms.toFixed(1), k); stats.clear(); });
