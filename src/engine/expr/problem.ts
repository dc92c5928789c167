// What can be wrong with a typed expression, as data: the CLI words it in English
// (describeExprProblem), the renderer in the UI's language. Positions count characters from 1.

export type Arity = 1 | 2

/** The functions an expression may call, each with one argument. */
export const FUNCTIONS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs'] as const

export const variablesOf = (arity: Arity): string[] => (arity === 1 ? ['x'] : ['x0', 'x1'])

export type ExprProblem =
  | { code: 'empty' }
  /** A character no expression uses (a comma, a quote, `!`, `=`, ...). */
  | { code: 'character'; position: number; char: string }
  /** A name that is neither a variable of this arity nor an allowed function. */
  | { code: 'name'; position: number; name: string }
  /** A function without its one argument in parentheses, or a variable written as a call. */
  | { code: 'call'; position: number; name: string }
  /** The parser's complaint: `end` (the expression stops too early), `paren` (a ")" is missing) or `other`. */
  | { code: 'syntax'; position: number; kind: 'end' | 'paren' | 'other' }
  /** function_1 where two variables are wanted, or function_2 where one is. */
  | { code: 'builtin'; name: string }

const allowed = (arity: Arity): string =>
  `${variablesOf(arity).join(', ')}, numbers, + - * / ** ^, parentheses and ${FUNCTIONS.join(' ')}`

/** One English line: what is wrong, where, and what is allowed. */
export function describeExprProblem(p: ExprProblem, arity: Arity): string {
  const builtin = arity === 1 ? 'function_1' : 'function_2'
  switch (p.code) {
    case 'empty':
      return `the expression is empty: write ${builtin} or an expression in ${allowed(arity)}`
    case 'character':
      return `unexpected character "${p.char}" at position ${p.position}: an expression uses ${allowed(arity)}`
    case 'name':
      return `unknown name "${p.name}" at position ${p.position}: the variables are ${variablesOf(arity).join(', ')} and the functions ${FUNCTIONS.join(' ')}`
    case 'call':
      return FUNCTIONS.includes(p.name as (typeof FUNCTIONS)[number])
        ? `${p.name} at position ${p.position} needs one argument in parentheses, as in ${p.name}(${variablesOf(arity)[0]})`
        : `${p.name} at position ${p.position} is a variable, not a function`
    case 'syntax':
      return p.kind === 'end'
        ? `the expression ends too early at position ${p.position}: something is missing after the last operator`
        : p.kind === 'paren'
          ? `a closing parenthesis ")" is missing at position ${p.position}`
          : `the expression cannot be read at position ${p.position}: it uses ${allowed(arity)}`
    case 'builtin':
      return `${p.name} is a function of ${p.name === 'function_1' ? 'one variable (x)' : 'two variables (x0, x1)'}: here use ${builtin} or an expression in ${variablesOf(arity).join(', ')}`
  }
}
