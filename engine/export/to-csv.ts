// Export rows as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma,
// a double quote or a line break (quotes doubled inside).
import type { ExportRow } from '../../schemas/index.ts';

/** The CSV columns, in the order of export.schema.json's exportRow (a test holds the two together). */
export const exportColumns = [
  'pipelineId',
  'trigger',
  'stageId',
  'documentType',
  'action',
  'templateId',
  'priority',
  'conditions',
  'flowId',
  'flowVersion',
  'ruleName',
] as const satisfies ReadonlyArray<keyof ExportRow>;

// Spreadsheets run a cell that starts with = + - @ (or tab / carriage return, per OWASP) as a formula,
// so a flow name or condition like `=HYPERLINK(...)` could execute on an analyst's machine. A leading '
// makes Excel, LibreOffice and Google Sheets show the text as typed.
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [exportColumns.join(',')];
  for (const row of rows) lines.push(exportColumns.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
