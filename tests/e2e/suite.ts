import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { launchBrowser } from "./browser.js";

// Live bindings: a test file imports `app` and `browser` and sees them once its beforeAll has run (each test file has
// its own module instances).
export let app: TestServer;
export let browser: Browser;

/**
 * Starts the app (SQLite, demo data) and Chromium before the file's tests and stops both after them.
 * `searchIndexed`: wait until the search index holds the demo library, for tests that search it.
 */
export function startAppAndBrowser(opts: { searchIndexed?: boolean } = {}): void {
  beforeAll(async () => {
    app = await startTestServer();
    if (opts.searchIndexed) await app.services.search.indexer.waitUntilEmpty(30_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}
