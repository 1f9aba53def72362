// The anchor of bench:pages: a minimal Remix 2 app (classic compiler, same versions as the platform). Built into
// ANCHOR_BUILD_DIR (a temporary folder) by bench/pages/run.ts.
const buildDir = process.env.ANCHOR_BUILD_DIR ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: "app",
  serverBuildPath: `${buildDir}/index.js`,
  assetsBuildDirectory: `${buildDir}/public/build`,
  publicPath: "/build/",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};
