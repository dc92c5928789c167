// What every command shares: where output goes, and opening the run store named by --db.
import { existsSync, rmSync } from 'node:fs'
import { resolveDb } from '../../services/paths'
import { RunStore } from '../../services/store/run-store'
import { runName } from '../../shared/limits'
import type { Parsed } from '../args'

export interface Output {
  stdout(line: string): void
  stderr(line: string): void
}

/** `--name`, checked as the app checks a name (src/shared/limits.ts); absent: made from the settings. */
export const nameFlag = (p: Parsed): string | undefined => (p.values.has('--name') ? runName(p.values.get('--name'), '--name') : undefined)

/**
 * `writes`: the command stores something (train, simplenet, import). One that only reads never
 * creates a database (a missing file lists as an empty library) and opens a file it cannot write
 * read-only. A file the user named is never moved aside: one that is not a run database is
 * refused, left byte for byte as it was (store/open.ts).
 */
export function openStore(p: Parsed, out: Output, writes: boolean): RunStore {
  const db = resolveDb(p.values.get('--db'))
  // a folder, no permission, a newer Gradient Lab's file: StoreOpenError, one line (cli/failure.ts)
  const store = new RunStore(db.file, {
    mode: !writes ? 'existing' : db.userNamed ? 'create' : 'recover',
    readOnlyFallback: !writes
  })
  if (store.notice) out.stderr(store.notice)
  return store
}

/**
 * Runs a command that writes against a database that may not exist yet: when it fails, a file
 * it created for nothing is removed again, so a refused command leaves no database behind.
 */
export async function withNewStore<T>(p: Parsed, out: Output, work: (store: RunStore) => Promise<T>): Promise<T> {
  const { file } = resolveDb(p.values.get('--db'))
  const fresh = !existsSync(file)
  const store = openStore(p, out, true)
  let failed = false
  try {
    return await work(store)
  } catch (e) {
    failed = true
    throw e
  } finally {
    store.close()
    if (failed && fresh) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
  }
}
