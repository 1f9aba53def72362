import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCityByNameOrTeryt, listCities } from "../../db/repositories/cities.js";
import { listUsers } from "../../db/repositories/users.js";
import { dialects } from "../setup/dialects.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

describe.each(await dialects())("city directory on %s", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  it("finds cities by name whatever the case of Polish capitals, and by TERYT code", async () => {
    const db = app.services.db.db;
    expect((await findCityByNameOrTeryt(db, "łódź"))?.slug).toBe("lodz");
    expect((await findCityByNameOrTeryt(db, "ŻORY"))?.slug).toBe("zory");
    expect((await findCityByNameOrTeryt(db, "1061011"))?.name).toBe("Łódź");
    expect((await listCities(db, { q: "łód" })).map((c) => c.name)).toContain("Łódź");
    expect((await listUsers(db, { q: "członkini" })).map((u) => u.email)).toContain("member@frl.test");
  });

  it("filters the directory by voivodeship and size, and shows a city's people", async () => {
    const small = await listCities(app.services.db.db, { voivodeship: "dolnośląskie", sizeClass: "small" });
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((c) => c.voivodeship === "dolnośląskie" && c.population < 20_000)).toBe(true);
    const page = await new TestClient(app.url).html("/miasta/dzierzoniow");
    expect(page.html).toContain("Maria Członkini");
    expect(page.html).not.toContain("member@frl.test");
  });
});
