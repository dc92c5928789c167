// A parsed expression as numpy code, for the exported notebooks: the same tree (whitelisted when
// parsed) printed with Python's operators and numpy's functions, fully parenthesised so Python
// evaluates it in the order the lab does. Variables: `x` (one variable) or `x[0]`, `x[1]`.
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs'
import type { Expr } from './parse'

const OPS: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**' }

/** Python's repr of a double: the shortest text that reads back as the same number. */
const pyNumber = (v: number): string => (Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : String(v).replace('e+', 'e'))

export function toPython(expr: Expr): string {
  const name = (s: string): string => (expr.arity === 1 ? s : `x[${expr.variables.indexOf(s)}]`)
  const walk = (node: MathNode): string => {
    switch (node.type) {
      case 'ConstantNode':
        return pyNumber((node as ConstantNode).value as number)
      case 'SymbolNode':
        return name((node as SymbolNode).name)
      case 'ParenthesisNode':
        return walk((node as ParenthesisNode).content)
      case 'FunctionNode': {
        const n = node as FunctionNode
        return `np.${n.fn.name === 'abs' ? 'abs' : n.fn.name}(${walk(n.args[0])})`
      }
      default: {
        const n = node as OperatorNode
        if (n.args.length === 1) return n.fn === 'unaryMinus' ? `(-${walk(n.args[0])})` : walk(n.args[0])
        // the lab squares by x*x (compile.ts); np.square does too, where a scalar's ** 2 calls pow
        if (n.fn === 'pow' && n.args[1].type === 'ConstantNode' && (n.args[1] as ConstantNode).value === 2) return `np.square(${walk(n.args[0])})`
        return `(${walk(n.args[0])} ${OPS[n.fn]} ${walk(n.args[1])})`
      }
    }
  }
  return walk(expr.node)
}
