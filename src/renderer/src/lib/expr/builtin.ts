// The book's function of one or two variables as an Expr, what chapter 4's lessons start from.
import { parseExpr, type Arity, type Expr } from '../../../../engine'

export function bookFunction(arity: Arity): Expr {
  const r = parseExpr(arity === 1 ? 'function_1' : 'function_2', arity)
  if (!r.ok) throw new Error('the book’s functions always parse')
  return r.expr
}
