// Entry of a search thread: registers tsx so the TypeScript engine loads the same way under node, tsx and vitest,
// then hands over to search-thread.ts.
import { register } from "tsx/esm/api";

register();
await import("./search-thread.ts");
