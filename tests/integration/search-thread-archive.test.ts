import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxStats } from "../../db/repositories/search-outbox.js";
import { reindexAll } from "../../server/search/reindex.js";
import { dialects } from "../setup/dialects.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAs, createLiveEvent, joinQa, ok, type LiveMessage } from "./live-support.js";

describe.each(await dialects())("archived live threads in federated search on %s", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  const search = async (q: string) => (await new TestClient(app.url).html(`/szukaj?q=${encodeURIComponent(q)}`)).html;

  it("indexes a room's visible questions and answers once it becomes an archive, never hidden ones", async () => {
    const event = await createLiveEvent(app);
    const member = await connectAs(app, "member");
    const mod = await connectAs(app, "moderator");
    const qa = await joinQa(member, event.id);
    await joinQa(mod, event.id);
    const asked = await ok<LiveMessage>(member, "message:send", { threadId: qa, body: "Jak finansować termomodernizację szkół z obligacji komunalnych?", kind: "question" });
    await ok(mod, "message:moderate", { messageId: asked.id, action: "answer", answer: "Najlepiej łączyć obligacje z dotacją z programu priorytetowego." });
    const spam = await ok<LiveMessage>(member, "message:send", { threadId: qa, body: "Reklama kryptowaluty zyrafowej", kind: "question" });
    await ok(mod, "message:moderate", { messageId: spam.id, action: "hide", reason: "Reklama" });
    member.disconnect();
    mod.disconnect();

    // While the room is live nothing is indexed.
    await app.services.search.sweepArchives();
    expect(await search("termomodernizacja obligacje")).not.toContain("/na-zywo?watek=");

    // Time passes: the event ended two hours ago, so its room is an archive.
    const ended = new Date(Date.now() - 2 * 3600_000).toISOString();
    await app.services.db.db.updateTable("events").set({ startsAt: new Date(Date.now() - 4 * 3600_000).toISOString(), endsAt: ended }).where("id", "=", event.id).execute();
    await app.services.search.sweepArchives();
    await app.services.search.indexer.waitUntilEmpty();

    const html = await search("termomodernizacji szkol");
    expect(html).toContain("Archiwum dyskusji");
    expect(html).toContain(`/wydarzenia/${event.slug}/na-zywo?watek=${qa}`);
    expect(await search("zyrafowej kryptowaluty")).not.toContain("/na-zywo?watek=");

    // The sweep queues each archived thread once.
    await app.services.search.sweepArchives();
    expect((await outboxStats(app.services.db.db)).pending).toBe(0);

    // A full reindex keeps the archive.
    const summary = await reindexAll(app.services.db, app.services.search.engine);
    expect(summary.threads).toBeGreaterThanOrEqual(1);
    expect(await search("termomodernizacji")).toContain(`watek=${qa}`);
  });
});
