// Issue 14: a network's shared notes are the Yjs document `network:<id>` on /collab with the agenda's close codes:
// members edit, other signed-in people get 4403, anonymous 4401, an unknown network 4404; a person whose city leaves
// the network is closed with 4403 at once and their later edits are not stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkDocName, networkNotes } from "../../domain/network-doc.js";
import { dialects } from "../setup/dialects.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createPerson } from "./access-support.js";
import { connectAgenda, eventually, within, type AgendaClient } from "./agenda-clients.js";

describe.each(await dialects())("network notes on /collab (%s)", (dialect) => {
  let app: TestServer;
  let doc: string;
  const clients: AgendaClient[] = [];
  const open = (cookie: string, name = doc) => {
    const c = connectAgenda(app.url, name, cookie);
    clients.push(c);
    return c;
  };
  const admin = async () => {
    const p = await createPerson(app, "admin");
    return { id: p.userId, role: "admin" as const, cityId: null };
  };
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    doc = networkDocName((await app.services.networks.summary("zmiany-demograficzne"))!.id);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await app?.stop();
  });

  it("refuses anonymous (4401), people outside the network (4403) and unknown networks (4404)", async () => {
    expect(await within(open("").closed, 5000)).toBe(4401);
    const outsider = await createPerson(app, "member", "kalisz");
    expect(await within(open(outsider.cookie).closed, 5000)).toBe(4403);
    expect(await within(open(outsider.cookie, "network:999999").closed, 5000)).toBe(4404);
  });

  it("a member city's representative and a network expert edit the same notes, and the notes are stored", async () => {
    const rep = open((await createPerson(app, "member", "walbrzych")).cookie);
    const staff = open((await createPerson(app, "moderator")).cookie);
    await Promise.all([rep.synced, staff.synced]);
    networkNotes(rep.doc).insert(0, "Wałbrzych: dane GUS w piątek. ");
    await eventually(() => networkNotes(staff.doc).toString().includes("Wałbrzych"), "the moderator sees the member's note");
    networkNotes(staff.doc).insert(networkNotes(staff.doc).length, "ZMP: sala zarezerwowana.");
    await eventually(() => networkNotes(rep.doc).toString().includes("ZMP"), "the member sees the moderator's note");
    rep.destroy();
    staff.destroy();
    const later = open((await createPerson(app, "member", "swidnica")).cookie);
    await later.synced;
    await eventually(() => networkNotes(later.doc).toString() === "Wałbrzych: dane GUS w piątek. ZMP: sala zarezerwowana.", "a later member loads the stored notes");
  });

  it("when a city leaves the network its representative's open connection is closed with 4403 and nothing more is stored", async () => {
    const actor = await admin();
    await app.services.networks.addCity(actor, "zmiany-demograficzne", "lodz");
    const leaving = open((await createPerson(app, "member", "lodz")).cookie);
    const staying = open((await createPerson(app, "member", "sanok")).cookie);
    await Promise.all([leaving.synced, staying.synced]);
    networkNotes(leaving.doc).insert(0, "Łódź przed wyjściem. ");
    await eventually(() => networkNotes(staying.doc).toString().includes("Łódź przed wyjściem"), "the edit before leaving arrives");
    await app.services.networks.removeCity(actor, "zmiany-demograficzne", "lodz");
    expect(await within(leaving.closed, 5000)).toBe(4403);
    networkNotes(leaving.doc).insert(0, "Łódź po wyjściu. ");
    await new Promise((r) => setTimeout(r, 300));
    expect(networkNotes(staying.doc).toString()).not.toContain("po wyjściu");
    const check = open((await createPerson(app, "moderator")).cookie);
    await check.synced;
    expect(networkNotes(check.doc).toString()).toContain("Łódź przed wyjściem");
    expect(networkNotes(check.doc).toString()).not.toContain("po wyjściu");
  });
});
