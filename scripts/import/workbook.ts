// SAMHSA's National Directory workbook (XLSX) read with exceljs: its two sheets as a header
// and rows of text, the same text a CSV export of the sheet holds.
import ExcelJS from 'exceljs';
import { WORKBOOK_SHEETS, type FormatId } from './formats.ts';
import { ImportError } from './import-error.ts';

export interface Sheet {
  sheet: string;
  format: FormatId;
  header: string[];
  /** Cell text; an empty cell is null, as an empty CSV field is. */
  rows: (string | null)[][];
}

export async function readWorkbook(path: string): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ImportError(`${path}: not readable as an XLSX workbook (${(error as Error).message.split('\n')[0]})`);
  }
  const names = workbook.worksheets.map((w) => w.name);
  return WORKBOOK_SHEETS.map(({ sheet, format }) => {
    const worksheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === sheet.toLowerCase());
    if (!worksheet) {
      throw new ImportError(`${path}: no sheet "${sheet}" (the workbook has: ${names.map((n) => `"${n}"`).join(', ') || 'no sheets'})`);
    }
    return { sheet, format, ...sheetText(worksheet) };
  });
}

function sheetText(worksheet: ExcelJS.Worksheet): { header: string[]; rows: (string | null)[][] } {
  const header: string[] = [];
  const rows: (string | null)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    if (header.length === 0) {
      for (let c = 1; c <= row.cellCount; c++) header.push(row.getCell(c).text.trim());
      return;
    }
    // `text` renders numbers, rich text, hyperlinks and formula results as the sheet shows them.
    rows.push(header.map((_, i) => row.getCell(i + 1).text || null));
  });
  while (header.length && header[header.length - 1] === '') header.pop();
  return { header, rows: rows.map((r) => r.slice(0, header.length)) };
}
