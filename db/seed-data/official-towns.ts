// Reads official-towns.tsv, the official list of Polish towns (GUS TERYT), which decides what the town directory
// holds; build-towns.ts and the directory test both read it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type OfficialTown = { teryt: string; name: string; voivodeship: string; county: string; since: string | null };

export function readOfficialTowns(): OfficialTown[] {
  const text = readFileSync(fileURLToPath(new URL("./official-towns.tsv", import.meta.url)), "utf8");
  const lines = text.split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  return lines.slice(1).map((line) => {
    const [teryt, name, voivodeship, county, since] = line.split("\t");
    if (!/^\d{7}$/.test(teryt) || !name || !voivodeship || !county) throw new Error(`official-towns.tsv: bad row "${line}"`);
    return { teryt, name, voivodeship, county, since: since?.trim() || null };
  });
}
