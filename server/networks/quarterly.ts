/**
 * Wall-clock start times ('YYYY-MM-DDTHH:mm', Warsaw) of a quarterly series: the first one, then every three months
 * on the same day of the month (the 31st becomes the month's last day rather than spilling into the next month).
 */
export function quarterlyStarts(first: string, count: number): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(first);
  if (!m) throw new Error(`Invalid local time: ${first}`);
  const [y, mo, d, time] = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), m[4]];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = mo + 3 * i;
    const year = y + Math.floor(month / 12);
    const mon = month % 12;
    const lastDay = new Date(Date.UTC(year, mon + 1, 0)).getUTCDate();
    out.push(`${year}-${String(mon + 1).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}T${time}`);
  }
  return out;
}
