import { writeFileSync } from 'node:fs';
import {
  BANK_HOLIDAY_FILE,
  ENGLAND_AND_WALES,
  coveredYearsOf,
  englandAndWalesDivision,
  formatDivision,
  parseDivision,
  type BankHolidayDivision,
} from '@hub/calendar';

const GOV_UK = 'https://www.gov.uk/bank-holidays.json';
const USAGE = 'usage: npm run holidays:refresh -- [--from YYYY] [--to YYYY] | --from-govuk';

/**
 * `npm run holidays:refresh -- [--from 2018] [--to 2030]` rewrites config/bank-holidays.england-and-wales.json from
 * the standing rules plus ONE_OFF_HOLIDAYS (libs/calendar); extend `--to` to cover more years.
 * `npm run holidays:refresh -- --from-govuk` writes gov.uk's own england-and-wales list instead, and names any
 * holiday the rules do not predict: add it to ONE_OFF_HOLIDAYS, or the calendar's unit tests fail.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fromGovUk = args.includes('--from-govuk');
  const division = fromGovUk ? await fetchGovUk() : englandAndWalesDivision({ from: yearArg(args, '--from', 2018), to: yearArg(args, '--to', 2030) });
  writeFileSync(BANK_HOLIDAY_FILE, formatDivision(division));
  const years = coveredYearsOf(division.events);
  process.stdout.write(`${BANK_HOLIDAY_FILE}: ${division.events.length} bank holidays, ${years.from}–${years.to}\n`);
  if (fromGovUk) reportDifferences(division);
}

async function fetchGovUk(): Promise<BankHolidayDivision> {
  const response = await fetch(GOV_UK).catch((error: Error) => {
    throw new Error(`${GOV_UK}: ${error.message}`);
  });
  if (!response.ok) throw new Error(`${GOV_UK}: HTTP ${response.status}`);
  const body = (await response.json()) as Record<string, unknown>;
  return parseDivision(body[ENGLAND_AND_WALES], GOV_UK);
}

/** gov.uk's list against the rules for the same years, both ways, so a new proclamation is not missed. */
function reportDifferences(govUk: BankHolidayDivision): void {
  const ruled = englandAndWalesDivision(coveredYearsOf(govUk.events));
  const keys = (division: BankHolidayDivision) => new Set(division.events.map((event) => JSON.stringify(event)));
  const [published, predicted] = [keys(govUk), keys(ruled)];
  const missing = [...published].filter((event) => !predicted.has(event));
  const extra = [...predicted].filter((event) => !published.has(event));
  if (!missing.length && !extra.length) return;
  process.stdout.write('gov.uk differs from the rules; update libs/calendar/src/one-off-holidays.ts:\n');
  for (const event of missing) process.stdout.write(`  only on gov.uk:    ${event}\n`);
  for (const event of extra) process.stdout.write(`  only in the rules: ${event}\n`);
}

function yearArg(args: string[], flag: string, fallback: number): number {
  const index = args.indexOf(flag);
  if (index < 0) return fallback;
  const year = Number(args[index + 1]);
  if (!Number.isInteger(year)) throw new Error(USAGE);
  return year;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
