// `lab gradient`: section 4.4's gradient of f(x0, x1) at a point, by the book's numerical_gradient.
import { gradientAt } from '../../engine'
import { CliError, parseArgs } from '../args'
import { command, specOf } from '../options'
import { expression, numbers, step } from './calculus-args'
import type { Output } from './common'

export function gradient(argv: string[], out: Output): number {
  const p = parseArgs(argv, specOf(command('gradient')), 'gradient')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const f = expression(p, 2)
  const [x0, x1] = numbers(p, '--x', 2, 'the point X0,X1')
  const grad = gradientAt(f.f, [x0, x1], step(p)).map((g) => (Number.isFinite(g) ? g : null))
  out.stdout(p.switches.has('--json') ? JSON.stringify({ x: [x0, x1], grad }) : `grad f(${x0}, ${x1}) = [${grad.join(', ')}]`)
  return 0
}
