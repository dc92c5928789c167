// `lab export-run RUN_ID --out FILE` and `lab import FILE`: run files (src/services/runfile),
// streamed to and from disk a line at a time, so any run the settings allow fits in memory.
import { exportRunFile, importRunPath, writeRunFile } from '../../services/runfile'
import { int } from '../../shared/schema'
import { CliError, numeric, parseArgs } from '../args'
import { command, specOf } from '../options'
import { noSuchRun } from '../../services/errors'
import { openStore, withNewStore, type Output } from './common'

export async function exportRunFileCommand(argv: string[], out: Output, write: (text: string) => void): Promise<number> {
  const p = parseArgs(argv, specOf(command('export-run')), 'export-run')
  if (p.positional.length !== 1) throw new CliError('export-run needs one RUN_ID, e.g. `lab export-run 3 --out run-3.glrun`')
  const runId = int(1, Number.MAX_SAFE_INTEGER)(numeric(p.positional[0]), 'RUN_ID')
  const store = openStore(p, out, false)
  try {
    // exit 2, as docs/cli.md says: the command named a run that is not there
    if (!store.hasRun(runId)) throw new CliError(noSuchRun(runId, store.file).message)
    const file = p.values.get('--out')
    if (file) await writeRunFile(store, runId, file).catch((e: Error) => {
      throw new CliError(`cannot write ${file}: ${e.message.replace(/, \w+( '.*')?$/, '')}; nothing was written`, 1)
    })
    else write((await exportRunFile(store, runId)).content)
  } finally {
    store.close()
  }
  return 0
}

export async function importCommand(argv: string[], out: Output): Promise<number> {
  const p = parseArgs(argv, specOf(command('import')), 'import')
  if (p.positional.length !== 1) throw new CliError('import needs one FILE, e.g. `lab import run-3.glrun`')
  const file = p.positional[0]
  const { runId, duplicate } = await withNewStore(p, out, (store) => importRunPath(store, file))
  if (p.switches.has('--json')) out.stdout(JSON.stringify({ runId, duplicate }))
  else out.stdout(duplicate ? `${file} is already in the library as run ${runId}; nothing was added` : `imported ${file} as run ${runId}`)
  return 0
}
