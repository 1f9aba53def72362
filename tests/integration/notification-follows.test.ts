import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { setEventNetwork } from "../../db/repositories/networks.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { createTestDatabase } from "../setup/postgres.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startSmtpSink } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createItem, setStatus } from "./library-support.js";

const PUBLIC_URL = "https://frl.example.pl";
const DIGEST_QUEUE = "notifications.digest";

/**
 * Issue 15: following cities and networks (the "Obserwuj" button, the settings page) and the digest built from what a
 * person follows, run as the scheduled queue job, once per period.
 */
describe.each(await dialects())("following and the digest on %s", (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: TestServer;
  let moderator: TestClient;
  let city: { id: number; slug: string; name: string };
  let network: { id: number; slug: string; name: string };
  let person: Awaited<ReturnType<typeof buildMemberClient>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestServer({ dialect, env: { SMTP_URL: smtp.url, PUBLIC_URL, JOBS_POLL_MS: "100" } });
    moderator = await signedIn(app.url, "moderator");
    const kalisz = (await findUserByEmail(app.services.db.db, "kalisz@frl.test"))!;
    city = (await app.services.db.db.selectFrom("cities").select(["id", "slug", "name"]).where("id", "=", kalisz.verifiedCityId!).executeTakeFirstOrThrow())!;
    network = await app.services.db.db.selectFrom("networks").select(["id", "slug", "name"]).orderBy("id").limit(1).executeTakeFirstOrThrow();
    person = await buildMemberClient(app);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it("follows a city and a network with the Obserwuj button (signed-in only, CSRF), shown and undone on the settings page", async () => {
    const anonymous = await fetch(`${app.url}/miasta/${city.slug}`).then((r) => r.text());
    expect(anonymous).not.toContain('action="/obserwuj"');

    const page = await person.client.html(`/miasta/${city.slug}`);
    expect(page.html).toContain(`Obserwuj miasto ${city.name}`);
    const res = await person.client.post("/obserwuj", { target: "city", slug: city.slug, state: "on" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/miasta/${city.slug}#follow`);
    expect((await person.client.html(`/miasta/${city.slug}`)).html).toContain(`Przestań obserwować miasto ${city.name}`);

    await person.client.get(`/sieci/${network.slug}`);
    expect((await person.client.post("/obserwuj", { target: "network", slug: network.slug, state: "on" })).status).toBe(303);
    expect((await person.client.html(`/sieci/${network.slug}`)).html).toContain(`Przestań obserwować sieć ${network.name}`);

    expect((await person.client.post("/obserwuj", { target: "city", slug: "nie-ma-takiego-miasta", state: "on" })).status).toBe(404);
    expect((await person.client.post("/obserwuj", { target: "user", slug: city.slug, state: "on" })).status).toBe(400);
    expect((await person.client.post("/obserwuj", { target: "city", slug: city.slug, state: "off" }, { csrf: false })).status).toBe(403);
    const anonymousPost = await fetch(`${app.url}/obserwuj`, { method: "POST", redirect: "manual", headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" }, body: "target=city" });
    expect(anonymousPost.status).toBeGreaterThanOrEqual(300);
    expect(anonymousPost.status).not.toBe(303);

    const settings = (await person.client.html("/konto/powiadomienia")).html;
    expect(settings).toMatch(new RegExp(`<input[^>]*id="city_${city.slug}"[^>]*checked`));
    expect(settings).toMatch(new RegExp(`<input[^>]*id="network_${network.slug}"[^>]*checked`));

    // Unticking the city on the settings page stops following it; the network stays.
    expect((await person.client.post("/konto/powiadomienia", { digest: "off", "networks[]": [network.slug] })).status).toBe(200);
    expect((await person.client.html(`/miasta/${city.slug}`)).html).toContain(`Obserwuj miasto ${city.name}`);
    expect((await person.client.html(`/sieci/${network.slug}`)).html).toContain(`Przestań obserwować sieć ${network.name}`);
  });

  it("sends a daily digest of new library items and upcoming events of followed areas, cities and networks, from the queue job, once per period", async () => {
    await person.client.get(`/miasta/${city.slug}`);
    expect((await person.client.post("/obserwuj", { target: "city", slug: city.slug, state: "on" })).status).toBe(303);
    await person.client.get("/konto/powiadomienia");
    expect((await person.client.post("/konto/powiadomienia", { digest: "daily", "areas[]": ["smart-city"], "cities[]": [city.slug], "networks[]": [network.slug] })).status).toBe(200);

    // What the person follows: a good practice of the city, a meeting of the network, an event in the area.
    const practice = await createItem(moderator, { kind: "good_practice", title: `Dobra praktyka z obserwowanego miasta ${dialect}`, city: city.slug, "areas[]": ["nieruchomosci"] });
    expect((await setStatus(moderator, practice, "published")).status).toBeLessThan(400);
    const unrelated = await createItem(moderator, { kind: "publication", title: `Publikacja spoza obserwowanych ${dialect}`, "areas[]": ["nieruchomosci"] });
    expect((await setStatus(moderator, unrelated, "published")).status).toBeLessThan(400);
    await moderator.get("/wydarzenia/nowe");
    const areaEvent = await moderator.post("/wydarzenia/nowe", { ...buildEventForm({ title: `Warsztat smart city ${dialect}` }), "areas[]": ["smart-city"] });
    const meeting = await moderator.post("/wydarzenia/nowe", { ...buildEventForm({ title: `Spotkanie sieci ${dialect}` }), "areas[]": ["nieruchomosci"] });
    const other = await moderator.post("/wydarzenia/nowe", { ...buildEventForm({ title: `Wydarzenie spoza obserwowanych ${dialect}` }), "areas[]": ["nieruchomosci"] });
    const slugOf = (r: Response) => r.headers.get("location")!.split("?")[0].split("/").pop()!;
    const meetingEvent = (await app.services.events.bySlug(slugOf(meeting)))!;
    await setEventNetwork(app.services.db.db, meetingEvent.id, network.id);

    // The job is scheduled in the queue (a stored job or pg-boss schedule), not a timer.
    if (dialect === "sqlite") {
      const future = await app.services.db.db.selectFrom("jobs").select("runAt").where("queue", "=", DIGEST_QUEUE).where("doneAt", "is", null).execute();
      expect(future.length).toBe(1);
      expect(Date.parse(future[0].runAt)).toBeGreaterThan(Date.now());
    } else {
      const rows = await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule where name = ${DIGEST_QUEUE}`.execute(app.services.db.db);
      expect(rows.rows).toEqual([{ name: DIGEST_QUEUE, cron: "*/15 * * * *" }]);
    }

    await app.services.jobs.send(DIGEST_QUEUE, {});
    await smtp.waitFor((r) => r.some((m) => m.to === person.email && /Nowości w bibliotece/.test(m.parsed.subject ?? "")));
    const digests = () => smtp.received.filter((m) => m.to === person.email && /^(Nowości|Nadchodzące)/.test(m.parsed.subject ?? ""));
    const [mail] = digests();
    expect(mail.parsed.subject).toMatch(/^Nowości w bibliotece: \d+ pozycj\w*, nadchodzące wydarzenia: \d+$/);
    const text = mail.parsed.text ?? "";
    expect(text).toContain(`Dobra praktyka z obserwowanego miasta ${dialect} — ${PUBLIC_URL}/biblioteka/${practice}`);
    expect(text).toContain(`Warsztat smart city ${dialect} — ${PUBLIC_URL}/wydarzenia/${slugOf(areaEvent)}`);
    expect(text).toContain(`Spotkanie sieci ${dialect} — ${PUBLIC_URL}/wydarzenia/${meetingEvent.slug}`);
    expect(text).not.toContain(unrelated);
    expect(text).not.toContain(slugOf(other));
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);

    // The job again (the next slot, a retry, another instance): the period is recorded, nothing is sent twice.
    await app.services.jobs.send(DIGEST_QUEUE, {});
    await app.services.jobs.send(DIGEST_QUEUE, {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(digests()).toHaveLength(1);
    const recorded = await app.services.db.db.selectFrom("notificationDigests").select(["period", "frequency", "libraryItems", "events"]).where("userId", "=", person.userId).execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ frequency: "daily" });
    expect(recorded[0].period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(recorded[0].events).toBeGreaterThanOrEqual(2);

    // The next day's period sends the next digest, with only what is new since the last one.
    const second = await createItem(moderator, { kind: "good_practice", title: `Druga praktyka miasta ${dialect}`, city: city.slug, "areas[]": ["nieruchomosci"] });
    expect((await setStatus(moderator, second, "published")).status).toBeLessThan(400);
    const tomorrow = new Date(Date.now() + 86400_000);
    expect(await app.services.notifications.runDigests(tomorrow)).toBe(1);
    await smtp.waitFor(() => digests().length === 2);
    const next = digests()[1].parsed.text ?? "";
    expect(next).toContain(`${PUBLIC_URL}/biblioteka/${second}`);
    expect(next).not.toContain(`/biblioteka/${practice}`);
  });
});

describe.each(await dialects())("the digest schedule across a restart on %s", (dialect) => {
  it("keeps one stored schedule for the digest job when the app restarts, and the period's digest is not sent again", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "frl-digest-"));
    const db = dialect === "postgres" ? await createTestDatabase() : undefined;
    const smtp = await startSmtpSink();
    const env = { SMTP_URL: smtp.url, JOBS_POLL_MS: "100" };
    try {
      const first = await startTestServer({ dialect, dataDir, databaseUrl: db?.url, env });
      const person = await buildMemberClient(first);
      await person.client.get("/konto/powiadomienia");
      expect((await person.client.post("/konto/powiadomienia", { digest: "weekly", "areas[]": ["finanse"] })).status).toBe(200);
      expect(await first.services.notifications.runDigests()).toBeGreaterThanOrEqual(1);
      await first.stop();

      const second = await startTestServer({ dialect, dataDir, databaseUrl: db?.url, env });
      try {
        if (dialect === "sqlite") {
          const future = await second.services.db.db.selectFrom("jobs").select("id").where("queue", "=", DIGEST_QUEUE).where("doneAt", "is", null).where("runAt", ">", new Date().toISOString()).execute();
          expect(future).toHaveLength(1);
        } else {
          const rows = await sql<{ name: string }>`select name from pgboss.schedule where name = ${DIGEST_QUEUE}`.execute(second.services.db.db);
          expect(rows.rows).toHaveLength(1);
        }
        await second.services.jobs.send(DIGEST_QUEUE, {});
        await smtp.waitFor((r) => r.some((m) => m.to === person.email && /^Nowości/.test(m.parsed.subject ?? "")));
        await new Promise((r) => setTimeout(r, 1500));
        expect(smtp.received.filter((m) => m.to === person.email && /^(Nowości|Nadchodzące)/.test(m.parsed.subject ?? ""))).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      await smtp.close();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
