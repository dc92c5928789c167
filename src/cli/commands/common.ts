// What every command shares: where output goes, and opening the run store named by --db.
import { resolveDbPath } from '../../services/paths'
import { RunStore } from '../../services/store/run-store'
import type { Parsed } from '../args'

export interface Output {
  stdout(line: string): void
  stderr(line: string): void
}

export function openStore(p: Parsed, out: Output): RunStore {
  // a folder, no permission, a newer Gradient Lab's file: StoreOpenError, one line (cli/failure.ts)
  const store = new RunStore(resolveDbPath(p.values.get('--db')))
  if (store.notice) out.stderr(store.notice)
  return store
}
