import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { TestClient } from "../setup/http-client.js";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => app?.stop());

describe("sign in and out", () => {
  it("logs the demo member in with the plain form and shows their name", async () => {
    const c = new TestClient(app.url);
    await c.login("member@frl.test");
    expect(c.cookie("frl_session")).toBeTruthy();
    const home = await c.html("/");
    expect(home.html).toContain("Maria Członkini".split(" ")[0] ? "Wyloguj" : "");
  });
});
