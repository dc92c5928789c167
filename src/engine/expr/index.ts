// Expressions the reader types for chapter 4's functions (lessons 4.3, 4.4, 4.4.1; `lab derivative`,
// `lab gradient`, `lab train descent`).
//
// API
//   parseExpr(source, arity) -> { ok: true, expr } | { ok: false, problem }
//     source: 'function_1' (arity 1: 0.01x² + 0.1x), 'function_2' (arity 2: x0² + x1²), or an
//     expression in x (arity 1) or x0, x1 (arity 2) with + - * / ** ^, parentheses, numbers and
//     sin cos tan exp log sqrt abs (log is the natural logarithm).
//   expr.f(x)        f at x (x has `arity` entries), in float64 as numpy computes it
//   expr.f32(x)      the same with every constant, input and intermediate rounded to float32
//   expr.tex         the expression in TeX (for KaTeX)
//   exactDerivative(expr, variable) -> { f, text, tex } | null: the symbolic partial derivative
//     (mathjs `derivative`), compiled the same way; null when it uses a function we do not compile
//   describeExprProblem(problem, arity) -> one English line naming the position (the CLI's
//     message; the renderer words the same ExprProblem in en and ko)
//
// mathjs parses and differentiates; we never call its evaluate or compile. The parsed tree is
// checked against the whitelist (ast.ts) and turned into plain closures (compile.ts), so an
// expression can reach the listed functions and variables and nothing else.
export { parseExpr, exactDerivative, type Expr, type ExprResult, type Derivative } from './parse'
export { describeExprProblem, variablesOf, FUNCTIONS, type Arity, type ExprProblem } from './problem'
