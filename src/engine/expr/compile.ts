// A parsed mathjs tree, already whitelisted, turned into a plain closure over the variables:
// mathjs's own evaluate and compile are never used, so nothing but the arithmetic below and the
// listed Math functions can run. `round` is the identity for float64 or Math.fround for float32:
// applied to every constant, input and intermediate result, it emulates float32 arithmetic
// exactly for + - * / (a double holds the exact product of two floats, and one rounding after
// a double operation is correctly rounded for floats).
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs'

export type Compiled = (x: ArrayLike<number>) => number
type Round = (v: number) => number

const UNARY: Record<string, (a: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  // mathjs's derivative writes tan' as sec(x)^2, and may use the other reciprocal functions.
  sec: (a) => 1 / Math.cos(a),
  csc: (a) => 1 / Math.sin(a),
  cot: (a) => 1 / Math.tan(a)
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow
}

/** Thrown for a node outside the whitelist; parse.ts turns it into an ExprProblem. */
export class Refused extends Error {
  constructor(readonly name: string) {
    super(`not an allowed part of an expression: ${name}`)
  }
}

/** Compile `node` over `variables` (x[i] is variables[i]), allowing the functions in `functions`. */
export function compile(node: MathNode, variables: string[], functions: readonly string[], round: Round): Compiled {
  const walk = (node: MathNode): Compiled => {
    switch (node.type) {
      case 'ConstantNode': {
        const n = node as ConstantNode
        if (typeof n.value !== 'number') throw new Refused(String(n.value))
        const v = round(n.value)
        return () => v
      }
      case 'SymbolNode': {
        const n = node as SymbolNode
        const i = variables.indexOf(n.name)
        if (i < 0) throw new Refused(n.name)
        return (x) => round(x[i])
      }
      case 'ParenthesisNode':
        return walk((node as ParenthesisNode).content)
      case 'FunctionNode': {
        const n = node as FunctionNode
        const name = n.fn.name
        const fn = UNARY[name]
        if (!fn || !functions.includes(name) || n.args.length !== 1) throw new Refused(name)
        const a = walk(n.args[0])
        return (x) => round(fn(a(x)))
      }
      case 'OperatorNode': {
        const n = node as OperatorNode
        if (n.args.length === 1) {
          const a = walk(n.args[0])
          if (n.fn === 'unaryMinus') return (x) => -a(x)
          if (n.fn === 'unaryPlus') return a
          throw new Refused(n.op)
        }
        const op = BINARY[n.fn]
        if (!op || n.args.length !== 2) throw new Refused(n.op)
        const a = walk(n.args[0])
        // numpy squares by x*x (its fast path for ** 2), one correctly rounded product.
        if (n.fn === 'pow' && n.args[1].type === 'ConstantNode' && (n.args[1] as ConstantNode).value === 2) {
          return (x) => {
            const v = a(x)
            return round(v * v)
          }
        }
        const b = walk(n.args[1])
        return (x) => round(op(a(x), b(x)))
      }
      default:
        throw new Refused(node.type)
    }
  }
  return walk(node)
}
