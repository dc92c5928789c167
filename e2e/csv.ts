// Reading what the app downloads: a file's text, and CSV parsed here, not by the app's own writer.
import type { Download } from '@playwright/test'
import { readFileSync } from 'node:fs'

/** RFC 4180: CRLF records, quoted fields with doubled quotes. Written here so the app's CSV writer is not its own judge. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') record.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++
    } else field += c
  }
  if (field || record.length) record.push(field), records.push(record)
  const [header, ...rows] = records
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

export async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8')
}
