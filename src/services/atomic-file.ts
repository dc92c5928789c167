// Exports land whole or not at all: written to a temporary file in the same folder (so the
// rename stays on one file system, where it is atomic), then renamed over the target. A failure
// (a full disk, a missing folder) removes the temporary file and leaves the target untouched.
import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** A fresh temporary name next to `path`: hidden, and unique per writer. */
export const partName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.part`)

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const part = partName(path)
  try {
    writeFileSync(part, content, { flag: 'wx' })
    renameSync(part, path)
  } catch (e) {
    rmSync(part, { force: true })
    throw e
  }
}
