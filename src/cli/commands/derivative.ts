// `lab derivative`: section 4.3's numerical derivative of f at x (the book's numerical_diff, or
// the forward difference), beside the exact derivative from mathjs's symbolic differentiation.
import { exactDerivative, numericalDiff, type DiffMethod } from '../../engine'
import { oneOf } from '../../shared/schema'
import { CliError, flag, parseArgs } from '../args'
import { command, specOf } from '../options'
import { expression, numbers, step } from './calculus-args'
import type { Output } from './common'

/** A value JSON can carry: an undefined quotient (0/0, a pole) is null. */
const finiteOrNull = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null)

export function derivative(argv: string[], out: Output): number {
  const p = parseArgs(argv, specOf(command('derivative')), 'derivative')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const f = expression(p, 1)
  const [x] = numbers(p, '--x', 1, 'the point x')
  const h = step(p)
  const method: DiffMethod = flag(p, '--method', oneOf('central', 'forward'), 'central', String)
  const d = finiteOrNull(numericalDiff((v) => f.f([v]), x, h, method))
  const exact = finiteOrNull(exactDerivative(f, 'x')?.f([x]))
  if (p.switches.has('--json')) {
    out.stdout(JSON.stringify({ x, h, method, derivative: d, exact }))
    return 0
  }
  out.stdout(`numerical (${method}, h = ${h}) = ${d ?? 'undefined'}`)
  out.stdout(`exact = ${exact ?? 'undefined'}`)
  return 0
}
