import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");
const probe = new Database(":memory:");
const Stmt = Object.getPrototypeOf(probe.prepare("select 1"));
const orig = Stmt.all; let n = 0, cold = 0, hot = 0, inRe = false;
Stmt.all = function (...a) {
  if (inRe) return orig.apply(this, a);
  const t0 = performance.now(); const r = orig.apply(this, a); const t1 = performance.now();
  if (this.source.startsWith('select "events"."id"')) { inRe = true; const t2 = performance.now(); orig.apply(this, a); const t3 = performance.now(); inRe = false; n++; cold += t1 - t0; hot += t3 - t2; }
  return r;
};
process.on("SIGUSR2", () => { console.error("events list: n", n, "first call ms", (cold / n).toFixed(4), "immediate repeat ms", (hot / n).toFixed(4)); n = cold = hot = 0; });
