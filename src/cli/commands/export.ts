// `lab export RUN_ID [--out FILE] [--format csv|ipynb] [--language en|ko]`: the run's metrics as
// CSV (RFC 4180), or a Jupyter notebook that rebuilds the run in numpy and checks it.
import { writeFileAtomic } from '../../services/atomic-file'
import { noSuchRun } from '../../services/errors'
import { runCsv } from '../../services/csv-exports'
import { runNotebook } from '../../services/notebook'
import { language as languageParser } from '../../shared/language'
import { int } from '../../shared/schema'
import { CliError, flag, numeric, parseArgs } from '../args'
import { command, exportFormat, specOf } from '../options'
import { openStore, type Output } from './common'

/** Whole or not at all: a full disk or a missing folder leaves no partial file (atomic-file.ts). */
function save(file: string, text: string): void {
  try {
    writeFileAtomic(file, text)
  } catch (e) {
    // "ENOENT: no such file or directory, open '/x/y.csv'" (or ", write") -> "ENOENT: no such file or directory"
    throw new CliError(`cannot write ${file}: ${(e as Error).message.replace(/, \w+( '.*')?$/, '')}`, 1)
  }
}

export function exportRun(argv: string[], out: Output, write: (text: string) => void): number {
  const p = parseArgs(argv, specOf(command('export')), 'export')
  if (p.positional.length !== 1) throw new CliError('export needs one RUN_ID, e.g. `lab export 3`')
  const runId = int(1, Number.MAX_SAFE_INTEGER)(numeric(p.positional[0]), 'RUN_ID')
  const format = flag(p, '--format', exportFormat, 'csv', String)
  const language = flag(p, '--language', languageParser, 'en', String)
  if (format === 'csv' && p.values.has('--language')) throw new CliError('--language is for --format ipynb (the notebook\'s words)')
  const store = openStore(p, out, false)
  try {
    // exit 2, as docs/cli.md says: the command named a run that is not there
    if (!store.hasRun(runId)) throw new CliError(noSuchRun(runId, store.file).message)
    const text = format === 'ipynb' ? runNotebook(store, runId, language).content : runCsv(store, runId).content
    const file = p.values.get('--out')
    if (file) save(file, text)
    else write(text)
  } finally {
    store.close()
  }
  return 0
}
