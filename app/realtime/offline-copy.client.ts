// y-indexeddb is used only in the browser (inside an effect). The `.client` name makes the Remix compiler leave it out
// of the server build, so the server process does not load it (about 2 MB of heap).
export { IndexeddbPersistence } from "y-indexeddb";
