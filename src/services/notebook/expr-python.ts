// A parsed expression (src/engine/expr) as numpy source: x0, x1 become x[0], x[1], functions become
// numpy's, and every operation is parenthesised, so Python's precedence cannot differ from mathjs's.
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs'
import { pyFloat } from './python'

const OPS: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '**' }

export function exprPython(node: MathNode, variables: string[]): string {
  switch (node.type) {
    case 'ConstantNode':
      return pyFloat(Number((node as ConstantNode).value))
    case 'SymbolNode': {
      const name = (node as SymbolNode).name
      const i = variables.indexOf(name)
      if (i < 0) throw new Error(`not a variable of this function: ${name}`)
      return variables.length === 1 ? 'x' : `x[${i}]`
    }
    case 'ParenthesisNode':
      return exprPython((node as ParenthesisNode).content, variables)
    case 'FunctionNode': {
      const n = node as FunctionNode
      return `np.${n.fn.name}(${exprPython(n.args[0], variables)})`
    }
    case 'OperatorNode': {
      const n = node as OperatorNode
      const args = n.args.map((a) => exprPython(a, variables))
      if (n.fn === 'unaryMinus') return `(-${args[0]})`
      if (n.fn === 'unaryPlus') return args[0]
      const op = OPS[n.fn]
      if (!op || args.length !== 2) throw new Error(`not an operation a notebook writes: ${n.op}`)
      return `(${args[0]} ${op} ${args[1]})`
    }
    default:
      throw new Error(`not a part of an expression a notebook writes: ${node.type}`)
  }
}
