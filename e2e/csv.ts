// Reading what the app downloads: a file's text, and CSV parsed by the tests' own RFC 4180 reader
// (test/services/csv-reader.ts), not by the app's writer.
import type { Download } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { parseCsv as readCsv } from '../test/services/csv-reader'

/** A CSV file's rows keyed by its header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

export async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8')
}
