// What every command shares: where output goes, and opening the run store named by --db.
import { resolveDbPath } from '../../services/paths'
import { StoreOpenError } from '../../services/store/open'
import { RunStore } from '../../services/store/run-store'
import { CliError, type Parsed } from '../args'

export interface Output {
  stdout(line: string): void
  stderr(line: string): void
}

export function openStore(p: Parsed, out: Output): RunStore {
  let store: RunStore
  try {
    store = new RunStore(resolveDbPath(p.values.get('--db')))
  } catch (e) {
    // a folder, no permission, a newer Gradient Lab's file: a sentence, not a stack
    if (e instanceof StoreOpenError) throw new CliError(e.message)
    throw e
  }
  if (store.notice) out.stderr(store.notice)
  return store
}
