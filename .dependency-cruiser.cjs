// Import graph checks run by `npm run lint:graph` (part of npm test). The floors are guarded by ESLint
// (eslint.config.js) and again here on the resolved graph; this also catches what a per-file rule cannot see: circles
// through several files.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "browser-code-not-from-server",
      severity: "error",
      comment:
        "Components and realtime hooks run in the browser: they take wire types and texts from domain/ (e.g. domain/live-protocol.ts), never from server/ or db/, whose modules pull zod, SQL and Node into the client's reach.",
      from: { path: "^app/(components|realtime)/" },
      // `import type` vanishes from the bundle, so a component may name a server type; run-time code may not.
      to: { path: "^(server|db)/", dependencyTypesNot: ["type-only"] },
    },
    // The floors again, as the resolved graph sees them: this also catches what a per-file lint reads only by its text
    // (a dynamic import() of a computed path that still lands a floor up).
    ...Object.entries({ domain: "db|search|server|app", db: "search|server|app", search: "db|server|app", server: "app" }).map(([floor, above]) => ({
      name: `${floor}-points-down`,
      severity: "error",
      comment: `${floor}/ sits below ${above.split("|").join(", ")} (docs/architecture.md): move what both need down to domain/ or the lower floor.`,
      from: { path: `^${floor}/` },
      to: { path: `^(${above})/` },
    })),
    {
      name: "no-circular",
      severity: "error",
      comment: "A circle makes the floors meaningless and the load order fragile; break it by moving the shared piece down a floor.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|build|public/build|\\.tmp|data)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mjs", ".js"] },
  },
};
