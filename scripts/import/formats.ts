// The SAMHSA files the importer reads, as data: their columns, what each contributes, and
// how a file is told apart from the others by its header (never by its extension).

export type FormatId = 'directory' | 'service_codes' | 'locator_geocoded' | 'locator_wide' | 'locator_api';

export interface Format {
  id: FormatId;
  /** What messages and `data_source` call it; `{year}` is the year in the file name. */
  label: string;
  /** `listings` become records; `points` only lend positions; `reference` names the codes. */
  role: 'listings' | 'points' | 'reference';
  /** Every column of the published shape: a file lacking one is refused, naming it. */
  columns: readonly string[];
  /** A record with no Type of Care code is this type (the file holds only such facilities). */
  defaultType?: 'SU';
}

const ADDRESS = ['name1', 'name2', 'street1', 'street2', 'city', 'state', 'zip'] as const;

export const FORMATS: readonly Format[] = [
  {
    id: 'directory', label: 'SAMHSA National Directory {year}', role: 'listings', defaultType: 'SU',
    columns: [...ADDRESS, 'phone', 'intake1', 'intake2', 'intake1a', 'intake2a', 'service_code_info'],
  },
  {
    id: 'service_codes', label: 'SAMHSA service code reference {year}', role: 'reference',
    columns: ['category_code', 'category_name', 'service_code', 'service_name', 'service_description'],
  },
  {
    // Alone, its rows are the listings; beside a directory it lends positions.
    id: 'locator_geocoded', label: 'SAMHSA locator {year} (geocoded)', role: 'points', defaultType: 'SU',
    columns: [...ADDRESS, 'zip4', 'county', 'latitude', 'longitude'],
  },
  {
    // Every column after these is one service code holding 1 or nothing.
    id: 'locator_wide', label: 'SAMHSA locator {year} (wide export)', role: 'listings',
    columns: [...ADDRESS, 'zip4', 'county', 'phone', 'intake_prompt', 'intake1', 'intake2', 'website',
      'latitude', 'longitude', 'type_facility'],
  },
  {
    // JSON rows; keys other than these are reported. frid and miles are known and unused:
    // frid exists in no other export, miles is the distance from the query's point.
    id: 'locator_api', label: 'SAMHSA locator API {year}', role: 'listings',
    columns: [...ADDRESS, 'phone', 'intake1', 'hotline1', 'website', 'latitude', 'longitude', 'typeFacility',
      'services', 'frid', 'miles', '_irow'],
  },
];

export const formatById = (id: FormatId): Format => FORMATS.find((f) => f.id === id)!;

export const labelOf = (format: Format, year: number | null) =>
  format.label.replace(' {year}', year === null ? '' : ` ${year}`);

/** The workbook's sheets and the CSV shapes they correspond to. */
export const WORKBOOK_SHEETS = [
  { sheet: 'Facilities List', format: 'directory' },
  { sheet: 'Service Code Reference', format: 'service_codes' },
] as const satisfies readonly { sheet: string; format: FormatId }[];

const CSV_FORMATS = FORMATS.filter((f) => f.id !== 'locator_api');

/** Header names compared trimmed and case-blind: "Name1 " is name1. */
export const columnKey = (name: string) => name.trim().toLowerCase();

/**
 * The CSV format a header belongs to: the one with the largest share of its columns present
 * (ties go to the format with more columns, so the wide export beats the geocoded one it
 * contains). Below half, the file is not one of them. A file with a renamed column still
 * matches its format, and loading it then names the missing column.
 */
export function csvFormatOf(header: readonly string[]): Format | undefined {
  const have = new Set(header.map(columnKey));
  const scored = CSV_FORMATS.map((f) => ({ f, share: f.columns.filter((c) => have.has(c)).length / f.columns.length }))
    .sort((a, b) => b.share - a.share || b.f.columns.length - a.f.columns.length);
  return scored[0].share >= 0.5 ? scored[0].f : undefined;
}
