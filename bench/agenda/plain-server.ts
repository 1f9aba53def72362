// Baseline: a plain @y/websocket-server 0.1.1 in a bare process (setupWSConnection, in-memory docs, no auth, no persistence).
import { servePlain } from "./plain-ws.js";

servePlain(Number(process.env.BENCH_DOCS ?? 1000));
