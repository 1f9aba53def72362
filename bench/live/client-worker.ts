// Bench child: opens N socket.io-client connections into one room and records delivery latency of every message.
import { io, type Socket } from "socket.io-client";

const [url, countArg, eventIdArg, maxSeqArg] = process.argv.slice(2);
const count = Number(countArg);
const maxSeq = Number(maxSeqArg);
const sockets: Socket[] = [];
const seen: Uint8Array[] = [];
const latencies: number[] = [];
let duplicates = 0;
let unique = 0;
const now = () => performance.timeOrigin + performance.now();

async function open(i: number) {
  const s = io(`${url}/live`, { transports: ["websocket"], forceNew: true, reconnection: false });
  const mine = new Uint8Array(maxSeq + 1);
  seen[i] = mine;
  s.on("message:new", (m: { body: string }) => {
    const [, seqStr, sentStr] = m.body.split(" ");
    const seq = Number(seqStr);
    if (mine[seq]) duplicates += 1;
    else {
      mine[seq] = 1;
      unique += 1;
      latencies.push(now() - Number(sentStr));
    }
  });
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  const ack = (await s.timeout(60_000).emitWithAck("room:join", { eventId: Number(eventIdArg) })) as { ok: boolean };
  if (!ack.ok) throw new Error("room:join refused");
  sockets.push(s);
}

for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => open(i + k)));
process.send!({ type: "connected", count: sockets.length });
let cpuStart = process.cpuUsage();
let wallStart = performance.now();

process.on("message", (msg: { type: string; sent?: number[] }) => {
  if (msg.type === "progress") return void process.send!({ type: "progress", unique });
  if (msg.type === "cpu-start") {
    cpuStart = process.cpuUsage();
    wallStart = performance.now();
    return void process.send!({ type: "cpu-start" });
  }
  if (msg.type !== "report") return;
  // Only messages the server acknowledged count as expected; anything else missing is lost.
  let received = 0;
  for (const seq of msg.sent ?? []) for (const arr of seen) received += arr[seq];
  const used = process.cpuUsage(cpuStart);
  const cpuPercent = ((used.user + used.system) / 1000 / (performance.now() - wallStart)) * 100;
  for (const s of sockets) s.disconnect();
  // Exit only once the (large) report has left through the IPC channel.
  process.send!({ type: "report", latencies: latencies.map((l) => Math.round(l * 100) / 100), received, duplicates, cpuPercent }, () => process.exit(0));
});
