// parseExpr and exactDerivative (the API is described in index.ts).
import { create, derivativeDependencies, parseDependencies, type MathNode } from 'mathjs'
import { compile, Refused, type Compiled } from './compile'
import { lex, positionOf } from './lex'
import { FUNCTIONS, variablesOf, type Arity, type ExprProblem } from './problem'

// Only the parser and the differentiator (with the simplifier it needs), not all of mathjs.
const math = create({ parseDependencies, derivativeDependencies })

/** The book's two functions (ch04/gradient_1d.py, gradient_2d.py), written as it computes them. */
const BUILTINS: Record<string, { arity: Arity; source: string }> = {
  function_1: { arity: 1, source: '0.01*x^2 + 0.1*x' },
  function_2: { arity: 2, source: 'x0^2 + x1^2' }
}

const identity = (v: number): number => v

export interface Expr {
  /** What was typed (trimmed). */
  source: string
  arity: Arity
  variables: string[]
  f: Compiled
  f32: Compiled
  tex: string
  node: MathNode
}

export type ExprResult = { ok: true; expr: Expr } | { ok: false; problem: ExprProblem }

export interface Derivative {
  f: Compiled
  text: string
  tex: string
}

export function parseExpr(typed: string, arity: Arity): ExprResult {
  const source = typed.trim()
  const variables = variablesOf(arity)
  const builtin = BUILTINS[source]
  if (builtin && builtin.arity !== arity) return { ok: false, problem: { code: 'builtin', name: source } }
  const text = builtin ? builtin.source : source
  if (text === '') return { ok: false, problem: { code: 'empty' } }
  const lexed = lex(text, variables)
  if ('problem' in lexed) return { ok: false, problem: lexed.problem }
  let node: MathNode
  try {
    node = math.parse(lexed.text)
  } catch (e) {
    return { ok: false, problem: syntaxProblem(e, text) }
  }
  try {
    return {
      ok: true,
      expr: {
        source,
        arity,
        variables,
        f: compile(node, variables, FUNCTIONS, identity),
        f32: compile(node, variables, FUNCTIONS, Math.fround),
        tex: node.toTex(),
        node
      }
    }
  } catch (e) {
    if (!(e instanceof Refused)) throw e
    return { ok: false, problem: { code: 'call', position: positionOf(text, e.name), name: e.name } }
  }
}

function syntaxProblem(e: unknown, text: string): ExprProblem {
  const message = e instanceof Error ? e.message : ''
  const char = (e as { char?: unknown }).char
  const position = typeof char === 'number' ? Math.min(Math.max(char, 1), text.length + 1) : 1
  const kind = /end of expression/i.test(message) ? 'end' : /parenthesis \) expected/i.test(message) ? 'paren' : 'other'
  return { code: 'syntax', position, kind }
}

/** ∂f/∂variable by mathjs's symbolic derivative; null if it uses a function we do not compile. */
export function exactDerivative(expr: Expr, variable: string): Derivative | null {
  const d = math.derivative(expr.node, variable)
  try {
    return { f: compile(d, expr.variables, [...FUNCTIONS, 'sec', 'csc', 'cot'], identity), text: d.toString(), tex: d.toTex() }
  } catch (e) {
    if (e instanceof Refused) return null
    throw e
  }
}
