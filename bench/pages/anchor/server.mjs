// The anchor server: Express + @remix-run/express serving the built anchor app, one better-sqlite3 statement over the
// platform's SQLite file (read-only). Usage: node server.mjs <build dir> <sqlite file> <port>
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import Database from "better-sqlite3";
import express from "express";

const [buildDir, dbFile, port] = process.argv.slice(2);
const build = await import(pathToFileURL(path.join(buildDir, "index.js")).href);
const db = new Database(dbFile, { readonly: true, fileMustExist: true });
const newest = db.prepare(
  "SELECT slug, title, summary, kind, year FROM library_items WHERE status = 'published' ORDER BY published_on DESC, id DESC LIMIT 20",
);

const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(path.join(buildDir, "public/build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: () => ({ newest }) }));
app.listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
