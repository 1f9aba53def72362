// Composition root: reads config, starts the app on one port, and shuts down cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from "./config.js";
import { startApp } from "./create-app.js";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}

const app = await startApp(config);
app.services.logger.info(`Forum Rozwoju Lokalnego działa na ${config.publicUrl ?? app.url}`);
// The reverse proxy's /collab route points here (decision 0015); the app's own port serves /collab as well.
if (app.collab?.port !== undefined) app.services.logger.info(`/collab (współedycja) przyjmuje też połączenia na ${config.host}:${app.collab.port}`);

if (config.env === "development" && process.env.REMIX_DEV_ORIGIN) {
  // remix dev --manual: tell it the server is ready, and again after every rebuild (the build is re-imported lazily).
  const { broadcastDevReady } = await import("@remix-run/node");
  const { watch } = await import("node:fs");
  const { buildPath } = await import("./http/remix-build.js");
  const { pathToFileURL } = await import("node:url");
  const announce = async () => {
    try {
      const build = await import(pathToFileURL(buildPath()).href + `?t=${Date.now()}`);
      await broadcastDevReady(build);
    } catch (error) {
      app.services.logger.warn("dev: build not ready", { error: String(error) });
    }
  };
  await announce();
  let timer: NodeJS.Timeout | undefined;
  watch(buildPath(), () => {
    clearTimeout(timer);
    timer = setTimeout(() => void announce(), 100);
  });
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    app.services.logger.info(`${signal}: zamykanie…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  });
}
