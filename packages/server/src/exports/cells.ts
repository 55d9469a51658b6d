// Spreadsheet programs run a cell that starts with one of these as a formula (or, for tab and CR,
// shift it into one), so a resident's answer could execute in a ward PC's Excel (OWASP "CSV
// injection"). A leading single quote makes Excel and LibreOffice take the cell as text.
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** Prefixes a cell that a spreadsheet would take as a formula with a single quote. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One CSV field per RFC 4180, formula-neutralised: quoted only when it has to be. */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record with the CRLF line ending RFC 4180 (and Excel) expect. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
