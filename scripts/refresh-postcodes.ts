import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { POSTCODE_FILE, type PostcodeFile } from '@hub/directory';
import type { Borough } from '@hub/vocabulary';

/**
 * `npm run postcodes:refresh -- <ONSPD.csv> [outcode...]`: rebuilds config/postcodes.thamesmead.json from the
 * ONS Postcode Directory (columns pcds, oslaua, lat, long; live postcodes only, `doterm` empty). Sectors keep every
 * borough they touch and their mean centre; inside a split sector each postcode is pinned. Outcodes default to
 * those already in the file; local authorities outside the file's `authorities` are dropped.
 */
async function main(): Promise<void> {
  const [csv, ...outcodeArgs] = process.argv.slice(2);
  if (!csv) throw new Error('usage: npm run postcodes:refresh -- <ONSPD.csv> [outcode...]');
  const current = JSON.parse(readFileSync(POSTCODE_FILE, 'utf8')) as PostcodeFile & { authorities: Record<string, Borough>; $comment: string };
  const outcodes = new Set(outcodeArgs.length ? outcodeArgs : Object.keys(current.sectors).map((s) => s.split(' ')[0]));
  const sectors = new Map<string, { boroughs: Set<Borough>; lat: number; lng: number; n: number; units: [string, Borough][] }>();
  let header: string[] | undefined;
  for await (const line of createInterface({ input: createReadStream(csv) })) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    if (!header) {
      header = cells;
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    const borough = current.authorities[row.oslaua];
    const [outcode, inward] = (row.pcds ?? '').split(' ');
    if (!borough || !outcodes.has(outcode) || row.doterm || !inward) continue;
    const key = `${outcode} ${inward[0]}`;
    const sector = sectors.get(key) ?? { boroughs: new Set(), lat: 0, lng: 0, n: 0, units: [] };
    sector.boroughs.add(borough);
    sector.lat += Number(row.lat);
    sector.lng += Number(row.long);
    sector.n += 1;
    sector.units.push([row.pcds, borough]);
    sectors.set(key, sector);
  }
  const file = {
    $comment: current.$comment,
    source: `${csv}, ${new Date().toISOString().slice(0, 10)}`,
    authorities: current.authorities,
    sectors: Object.fromEntries([...sectors].sort().map(([key, s]) => [key, { boroughs: [...s.boroughs], lat: round(s.lat / s.n), lng: round(s.lng / s.n) }])),
    units: Object.fromEntries([...sectors.values()].filter((s) => s.boroughs.size > 1).flatMap((s) => s.units)),
  };
  writeFileSync(POSTCODE_FILE, `${JSON.stringify(file, null, 2)}\n`);
  process.stdout.write(`${POSTCODE_FILE}: ${sectors.size} sectors, ${Object.keys(file.units).length} pinned postcodes\n`);
}

const round = (value: number) => Math.round(value * 10000) / 10000;

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
