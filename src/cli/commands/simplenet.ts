// `lab simplenet`: section 4.4.2's one-layer net on one example: W, p, argmax, loss and dW.
import { simpleNet } from '../../engine/simplenet'
import type { SimpleNetConfig } from '../../shared/config'
import { notebook, parseSimpleNet, fields } from '../../shared/config'
import { array, int, num } from '../../shared/schema'
import { byFlags, CliError, flag, list, parseArgs } from '../args'
import type { Output } from './common'

export function simplenet(argv: string[], out: Output): number {
  const p = parseArgs(argv, { values: ['--seed', '--x', '--t', '--h', '--W', '--steps', '--lr'], switches: ['--json'] }, 'simplenet')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const d = notebook.simplenet
  const W = p.values.has('--W') ? flag(p, '--W', array(num({ min: -1000, max: 1000 }), { min: 6, max: 6, noun: 'numbers' }), [], list) : undefined
  const given = {
    kind: 'simplenet',
    seed: flag(p, '--seed', fields.seed, d.seed),
    x: flag(p, '--x', fields.x, [...d.x], list),
    t: flag(p, '--t', fields.t, [...d.t], list),
    h: flag(p, '--h', fields.h, d.h),
    ...(W ? { W } : {}),
    steps: flag(p, '--steps', int(0, 10000), d.steps),
    lr: flag(p, '--lr', fields.lr, d.lr)
  }
  // the whole-config check adds what one flag cannot say alone (t must be one-hot)
  const config: SimpleNetConfig = byFlags(() => parseSimpleNet(given, ''))
  const r = simpleNet(config)
  if (p.switches.has('--json')) {
    out.stdout(JSON.stringify({ W: r.W, p: r.p, argmax: r.argmax, loss: r.loss, dW: r.dW }))
    return 0
  }
  out.stdout(`W =\n${r.W.map((row) => '  ' + row.join('  ')).join('\n')}`)
  out.stdout(`p = ${r.p.join('  ')}`)
  out.stdout(`argmax(p) = ${r.argmax}`)
  out.stdout(`loss = ${r.loss}`)
  out.stdout(`dW =\n${r.dW.map((row) => '  ' + row.join('  ')).join('\n')}`)
  return 0
}
