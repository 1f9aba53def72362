// Entry of a search thread. Next to the compiled server (npm start runs build/node/) it loads search-thread.js; next
// to the sources (tsx, vitest) it registers tsx so the TypeScript engine loads the same way under node, tsx and vitest.
import { existsSync } from "node:fs";

const compiled = new URL("./search-thread.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./search-thread.ts");
}
