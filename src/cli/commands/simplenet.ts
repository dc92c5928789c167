// `lab simplenet`: section 4.4.2's one-layer net on one example: W, p, argmax, loss and dW.
// The run is stored as the app stores it (unless --no-save; --db or LAB_DB picks the file).
import { simpleNet } from '../../engine/simplenet'
import { flagOf } from '../../shared/fields'
import { simplenet as kind, type SimpleNetConfig } from '../../shared/kinds'
import { storageProblem } from '../../services/lifecycle/storage-problem'
import { storeComputedRun } from '../../services/simplenet-run'
import { byFlags, CliError, flag, parseArgs, reader } from '../args'
import { cliDefaults, command, specOf } from '../options'
import { openStore, type Output } from './common'

export function simplenet(argv: string[], out: Output): number {
  const p = parseArgs(argv, specOf(command('simplenet')), 'simplenet')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const given: Record<string, unknown> = { kind: kind.kind }
  for (const field of kind.fields) {
    const name = flagOf(field.key)
    const fallback = cliDefaults(kind)[field.key]
    // W has no default: without --W the weights are randn(2,3) from the seed
    if (fallback !== undefined || p.values.has(name)) given[field.key] = flag(p, name, field.parse, fallback, reader(field.text, name))
  }
  // the whole-config check adds what one flag cannot say alone (t must be one-hot)
  const config: SimpleNetConfig = byFlags(() => kind.parse(given, ''))
  const r = simpleNet(config)
  let saved = ''
  if (!p.switches.has('--no-save')) {
    const store = openStore(p, out)
    try {
      saved = `(run ${storeComputedRun(store, config, p.values.get('--name')).runId} saved)`
    } catch (e) {
      throw new CliError(`cannot save the run to ${store.file}: ${storageProblem(e)}`, 1)
    } finally {
      store.close()
    }
  }
  if (p.switches.has('--json')) {
    out.stdout(JSON.stringify({ W: r.W, p: r.p, argmax: r.argmax, loss: r.loss, dW: r.dW }))
    return 0
  }
  out.stdout(`W =\n${r.W.map((row) => '  ' + row.join('  ')).join('\n')}`)
  out.stdout(`p = ${r.p.join('  ')}`)
  out.stdout(`argmax(p) = ${r.argmax}`)
  out.stdout(`loss = ${r.loss}`)
  out.stdout(`dW =\n${r.dW.map((row) => '  ' + row.join('  ')).join('\n')}`)
  if (saved) out.stdout(saved)
  return 0
}
