// CSV as RFC 4180 describes it (CRLF line ends, a header row, fields with commas, quotes or
// line breaks quoted, quotes doubled), and safe to open in a spreadsheet: a text cell that
// begins with = + - @ (or tab / CR), even after leading spaces (spreadsheets skip them), gets a
// leading apostrophe so it is never run as a formula.
// Numbers are written as numbers, so -0.5 stays -0.5.

export type Cell = string | number | boolean | null | undefined

const FORMULA_START = /^\s*[=+\-@\t\r]/

function field(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v)
  if (typeof v === 'boolean') return String(v)
  const text = FORMULA_START.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Thrown as soon as the text would pass its limit: no more rows are read. */
export class CsvTooLarge extends Error {}

export function toCsv(header: string[], rows: Iterable<Cell[]>, limit = Infinity): string {
  const lines = [header.map(field).join(',')]
  let length = lines[0].length + 2
  for (const r of rows) {
    const line = r.map(field).join(',')
    length += line.length + 2
    if (length > limit) throw new CsvTooLarge(`the CSV would be larger than ${limit} characters`)
    lines.push(line)
  }
  return lines.join('\r\n') + '\r\n'
}
