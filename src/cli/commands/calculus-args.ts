// What `lab loss`, `lab derivative` and `lab gradient` read from their flags: required values,
// numbers, and an expression (--f) parsed by src/engine/expr, each refused in one line naming
// the flag and, for an expression, the position.
import { describeExprProblem, parseExpr, type Arity, type Expr } from '../../engine'
import { num } from '../../shared/schema'
import { CliError, flag, list, type Parsed } from '../args'

export function required(p: Parsed, name: string, what: string): string {
  const text = p.values.get(name)
  if (text === undefined) throw new CliError(`${name} is required: ${what}`)
  return text
}

export const finite = num()

/** --h: the step of the difference, the book's 1e-4 unless given. */
export const step = (p: Parsed): number => flag(p, '--h', num({ gt: 0, max: 10 }), 1e-4)

/** `count` numbers written X0,X1,… under `name`. */
export function numbers(p: Parsed, name: string, count: number, what: string): number[] {
  const values = list(required(p, name, what))
  if (values.length !== count) throw new CliError(`${name} must be exactly ${count} number${count > 1 ? 's' : ''} separated by commas (got ${values.length})`)
  return values.map((v, i) => finite(v, count > 1 ? `${name}[${i}]` : name))
}

export function expression(p: Parsed, arity: Arity): Expr {
  const builtin = arity === 1 ? 'function_1' : 'function_2'
  const r = parseExpr(required(p, '--f', `${builtin} or an expression in ${arity === 1 ? 'x' : 'x0, x1'}`), arity)
  if (!r.ok) throw new CliError(`--f: ${describeExprProblem(r.problem, arity)}`)
  return r.expr
}
