// `lab loss`: section 4.2's two losses of one output y against a target (a label or a one-hot
// list): {mse, cee}, the book's 1/2 Σ (y - t)² and -Σ t log(y + 1e-7).
import { checkOutput, checkTarget, describeOutputProblem, describeTargetProblem, lossTerms, oneHot, type Target } from '../../engine'
import { CliError, list, parseArgs } from '../args'
import { command, specOf } from '../options'
import { finite, required } from './calculus-args'
import type { Output } from './common'

export function loss(argv: string[], out: Output): number {
  const p = parseArgs(argv, specOf(command('loss')), 'loss')
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const y = list(required(p, '--y', 'the output y, probabilities separated by commas')).map((v, i) => finite(v, `--y[${i}]`))
  const yProblem = checkOutput(y)
  if (yProblem) throw new CliError(`--y: ${describeOutputProblem(yProblem)}`)
  const tText = required(p, '--t', 'a label (the correct class, from 0) or a one-hot list')
  const values = list(tText).map((v, i) => finite(v, `--t[${i}]`))
  const target: Target = tText.includes(',') ? { oneHot: values } : { label: values[0] }
  const tProblem = checkTarget(target, y.length)
  if (tProblem) throw new CliError(`--t: ${describeTargetProblem(tProblem)}`)
  const t = 'label' in target ? oneHot(target.label, y.length) : target.oneHot
  const { mseTotal: mse, ceeTotal: cee } = lossTerms(y, t)
  out.stdout(p.switches.has('--json') ? JSON.stringify({ mse, cee }) : `mse = ${mse}\ncee = ${cee}`)
  return 0
}
