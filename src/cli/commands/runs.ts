// `lab runs`: every stored run (runs whose process is gone are marked interrupted first).
import { CliError, parseArgs } from '../args'
import { command, specOf } from '../options'
import { openStore, type Output } from './common'

export function runs(argv: string[], out: Output): number {
  const p = parseArgs(argv, specOf(command('runs')), 'runs')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const store = openStore(p, out, false)
  const list = store.listRuns()
  store.close()
  if (p.switches.has('--json')) {
    out.stdout(
      JSON.stringify(
        // the contract's statuses have no `paused`: a paused run is still a running one
        list.map((r) => ({ id: r.id, kind: r.kind, status: r.status === 'paused' ? 'running' : r.status, createdAt: r.createdAt, config: r.config, steps: r.steps, name: r.name, reason: r.reason, finalLoss: r.finalLoss }))
      )
    )
    return 0
  }
  if (list.length === 0) out.stdout('no runs yet')
  const pad = (s: string | number, n: number): string => String(s).padEnd(n)
  if (list.length) out.stdout(`${pad('ID', 6)}${pad('KIND', 10)}${pad('STATUS', 13)}${pad('STEPS', 8)}${pad('CREATED', 26)}NAME`)
  for (const r of list) {
    const why = r.reason ? `  (${r.reason})` : ''
    out.stdout(`${pad(r.id, 6)}${pad(r.kind, 10)}${pad(r.status, 13)}${pad(r.steps, 8)}${pad(r.createdAt, 26)}${r.name}${why}`)
  }
  return 0
}
