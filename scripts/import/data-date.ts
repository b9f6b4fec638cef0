// The data's own date, for the file header and each record: --data-date when given, else the
// year in each listing file's name. SAMHSA names its yearly directory by year
// (National_Directory_SA_Facilities_2022.xlsx) and gives no day, so the header says the year
// alone (ISO 8601's reduced precision, "2022") and no record is dated: June 1, this project's
// convention before, was shown as "Data as of Jun 1, 2022" and each listing "Updated Jun 1,
// 2022", days SAMHSA never gave.
import { basename } from 'node:path';
import { ImportError } from './import-error.ts';
import type { LoadedInput } from './load-inputs.ts';

export interface DataDates {
  /** The header's extraction_date: the latest of the listing inputs' dates, or years. */
  header: string;
  /** Each listing input's own date, by input number: a day given, never a year's invented one. */
  byInput: Map<number, string>;
  /** Where the header's date came from, in words. */
  source: string;
}

export function dataDates(listingInputs: readonly LoadedInput[], given?: string): DataDates {
  if (given !== undefined) {
    const date = new Date(`${given}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== given) {
      throw new ImportError(`--data-date must be a date as YYYY-MM-DD, got "${given}"`);
    }
    return { header: given, byInput: new Map(listingInputs.map((i) => [i.inputNo, given])), source: '--data-date' };
  }
  const undated = listingInputs.find((i) => i.year === null);
  if (undated) {
    throw new ImportError(`${undated.file}: no year in the file name to date its data; pass --data-date YYYY-MM-DD ` +
      '(the date SAMHSA published it)');
  }
  const latest = listingInputs.reduce((a, b) => (b.year! > a.year! ? b : a));
  return {
    header: String(latest.year),
    byInput: new Map(),
    source: `the year ${latest.year} in ${basename(latest.file)}; its listings are not dated (pass --data-date to give the day)`,
  };
}
