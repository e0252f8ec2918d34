/**
 * RFC 4180 text for the small CSV files augc writes itself (manifest rows, manifest_final): a
 * field is quoted only when it must be, and lines end with CRLF as the RFC says, so the bytes
 * depend on nothing but the values.
 */
export type CsvField = string | number | boolean | null;

function quoteField(value: CsvField): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly CsvField[]): string {
  return `${fields.map(quoteField).join(',')}\r\n`;
}

/** A header line and one line per row, the fields taken in `columns` order. */
export function csvText(
  columns: readonly string[],
  rows: readonly Record<string, CsvField>[],
): string {
  return csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => row[c] ?? null))).join('');
}
