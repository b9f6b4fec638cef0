// CSV injection, by OWASP's rule: a spreadsheet runs a cell that starts with `=`, `+`, `-` or
// `@` (or a tab or carriage return before one) as a formula, so a text cell that starts with
// one of them gets a leading `'`, which spreadsheets show as text. A plain number (`-2`,
// `+1.5e3`) is left as it is. The rule is one SQL expression, applied inside DuckDB's COPY
// (exports.ts), so the engine that writes the file is the one that makes it safe.

/** `value` (a SQL expression of type VARCHAR) made safe to open in a spreadsheet. */
export function formulaSafe(value: string): string {
  return `CASE WHEN regexp_matches(${value}, '^[=+\\-@\\t\\r]') AND NOT regexp_matches(${value}, '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$') `
    + `THEN '''' || ${value} ELSE ${value} END`;
}

/** Column types whose values are text a spreadsheet would read (numbers, dates and lists cannot start a formula). */
export const TEXT_TYPE = /^(VARCHAR|JSON|ENUM\(.*\))$/;
