// The tests' own CSV reader (unit and e2e), written apart from the app's CSV writer so that the
// writer is not its own judge.

/** RFC 4180: CRLF records (a bare LF or a last line without CRLF is an error), quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else if (c === '\n') throw new Error(`bare LF at ${i}: RFC 4180 lines end with CRLF`)
    else cell += c
  }
  if (cell !== '' || row.length) throw new Error('last line has no CRLF')
  return rows
}
