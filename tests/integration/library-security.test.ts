import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAttachments } from "../../db/repositories/library-attachments.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createItem, itemForm, setStatus } from "./library-support.js";

const P = `Zorbatron <script>alert("xss-1")</script><img src=x onerror=alert("xss-2")><a href="javascript:alert('xss-3')">klik</a> "'&`;
const TEXT_FIELDS = ["title", "summary", "body", "tags", "authors", "problem", "solution", "results", "costAndFunding", "period", "contact"];

function assertInert(html: string) {
  expect(html).not.toContain('<script>alert("xss-1")');
  expect(html).not.toMatch(/<img[^>]*onerror/i);
  expect(html).not.toMatch(/<a[^>]*href="javascript:/i);
  expect(html).not.toContain("<script>alert(&quot;xss-1&quot;)"); // not even half-escaped inside a tag
}

// A minimal ZIP (stored entries, central directory) — enough for the content check of OOXML files.
function zip(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

async function upload(client: TestClient, app: TestServer, slug: string, name: string, bytes: Uint8Array) {
  const body = new FormData();
  body.set("_csrf", client.csrf);
  body.set("intent", "upload");
  body.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return client.request(`/biblioteka/${slug}/edycja`, { method: "POST", body });
}

describe.each(await dialects())("library security on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;
  let slug: string;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
    const fields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, P]));
    slug = await createItem(admin, itemForm({ ...fields, kind: "good_practice", city: "dzierzoniow" }));
    expect((await setStatus(admin, slug, "published")).status).toBe(302);
    await app.services.search.indexer.waitUntilEmpty();
  });
  afterAll(async () => app?.stop());

  it("renders XSS payloads in every text field as inert text on the item page", async () => {
    const page = await admin.html(`/biblioteka/${slug}`);
    expect(page.status).toBe(200);
    assertInert(page.html);
    expect(page.html).toContain("&lt;script&gt;alert(&quot;xss-1&quot;)&lt;/script&gt;"); // the title, shown as text
    const anon = await fetch(`${app.url}/biblioteka/${slug}`);
    assertInert(await anon.text());
  });

  it("keeps search results, federated search and the JSON API inert", async () => {
    for (const p of ["/biblioteka?q=zorbatron", "/szukaj?q=zorbatron"]) {
      const r = await fetch(app.url + p);
      const html = await r.text();
      expect(html).toContain("<mark>Zorbatron</mark>");
      assertInert(html);
    }
    const api = await (await fetch(`${app.url}/api/search?q=zorbatron`)).json();
    expect(api.hits[0].slug).toBe(slug);
    for (const s of [api.hits[0]._formatted.title, api.hits[0]._formatted.summary]) expect(s).not.toMatch(/<(?!\/?mark>)/);
    const item = await (await fetch(`${app.url}/api/library/${slug}`)).json();
    expect(item.bodyHtml).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
  });

  it("refuses javascript: and other non-http links", async () => {
    const res = await admin.post("/biblioteka/nowa", itemForm({ title: "Link testowy", externalUrl: "javascript:alert(1)" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Podaj pełny adres zaczynający się od http:// lub https://.");
  });

  it("accepts a real PDF and DOCX and serves them back", async () => {
    await admin.get(`/biblioteka/${slug}/edycja`);
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    expect((await upload(admin, app, slug, "raport.pdf", pdf)).status).toBe(302);
    const docx = zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect((await upload(admin, app, slug, "opis.docx", docx)).status).toBe(302);
    const list = await app.services.library.attachments((await app.services.library.published(slug))!.id);
    expect(list.map((a) => [a.fileName, a.mime])).toEqual([
      ["raport.pdf", "application/pdf"],
      ["opis.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
    const download = await fetch(`${app.url}/biblioteka/${slug}/zalaczniki/${list[0].id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it("refuses wrong-type and oversize uploads with a clear message and stores nothing", async () => {
    await admin.get(`/biblioteka/${slug}/edycja`);
    const uploads = path.join(app.dataDir, "uploads");
    const files = () => (existsSync(uploads) ? readdirSync(uploads).length : 0);
    const [rows, stored] = [await countAttachments(app.services.db.db), files()];

    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode("This program cannot be run in DOS mode")]);
    const asPdf = await upload(admin, app, slug, "faktura.pdf", exe);
    expect(asPdf.status).toBe(415);
    expect(await asPdf.text()).toContain("Ten plik nie jest dokumentem PDF, DOCX, PPTX ani XLSX");

    const plainZip = await upload(admin, app, slug, "archiwum.docx", zip(["readme.txt"]));
    expect(plainZip.status).toBe(415);

    const pdfNamedXlsx = await upload(admin, app, slug, "tabela.xlsx", new TextEncoder().encode("%PDF-1.4\n"));
    expect(pdfNamedXlsx.status).toBe(415);
    expect(await pdfNamedXlsx.text()).toContain("Rozszerzenie pliku nie zgadza się z jego zawartością");

    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    const tooBig = await upload(admin, app, slug, "duzy.pdf", big);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("Plik jest za duży: limit to 25 MB.");

    expect(await countAttachments(app.services.db.db)).toBe(rows);
    expect(files()).toBe(stored);
  });
});
