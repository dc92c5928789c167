// The expression module against values worked out by hand: what it accepts computes the
// arithmetic as written, what it refuses is named with its position, and nothing outside the
// whitelist (mathjs's own functions, constants, assignments, matrices) can be reached.
import { describe, expect, it } from 'vitest'
import { describeExprProblem, exactDerivative, parseExpr, type Arity, type ExprProblem } from '../../../src/engine/expr'

function value(source: string, x: number[], arity: Arity = x.length as Arity): number {
  const r = parseExpr(source, arity)
  if (!r.ok) throw new Error(describeExprProblem(r.problem, arity))
  return r.expr.f(x)
}

function problem(source: string, arity: Arity = 1): ExprProblem {
  const r = parseExpr(source, arity)
  if (r.ok) throw new Error(`${source} was accepted`)
  return r.problem
}

describe('parseExpr', () => {
  it("computes the book's function_1 and function_2", () => {
    expect(value('function_1', [5])).toBe(0.01 * 25 + 0.1 * 5)
    expect(value('function_2', [3, 4])).toBe(25)
  })

  it('reads + - * / ** ^, unary minus, parentheses and numbers with exponents as a calculator does', () => {
    expect(value('2 + 3 * 4', [0])).toBe(14)
    expect(value('(2 + 3) * 4', [0])).toBe(20)
    expect(value('2 ** 3 ** 2', [0])).toBe(512) // right-associative, as Python's **
    expect(value('2^3^2', [0])).toBe(512)
    expect(value('-x**2', [3])).toBe(-9) // -(x**2), as Python
    expect(value('1e-3 * x - x / 4', [8])).toBe(0.008 - 2)
    expect(value('x0 * x1 - x1', [2, 5])).toBe(5)
  })

  it('calls the seven functions (log is the natural logarithm)', () => {
    expect(value('sin(x) + cos(x) + tan(x)', [1])).toBe(Math.sin(1) + Math.cos(1) + Math.tan(1))
    expect(value('exp(x) * log(x)', [2])).toBe(Math.exp(2) * Math.log(2))
    expect(value('sqrt(abs(x))', [-16])).toBe(4)
  })

  it('evaluates in float32 when asked: 1e-50 becomes 0, 0.1 its nearest float', () => {
    const r = parseExpr('x + 0.1', 1)
    if (!r.ok) throw new Error('refused')
    expect(r.expr.f32([1e-50])).toBe(Math.fround(0.1))
    expect(r.expr.f([1e-50])).toBe(0.1)
  })

  it('names the position of a bad character, an unknown name, a misused function and a syntax error', () => {
    expect(problem('x + 2!')).toEqual({ code: 'character', position: 6, char: '!' })
    expect(problem('x, 2')).toEqual({ code: 'character', position: 2, char: ',' })
    expect(problem('2*y')).toEqual({ code: 'name', position: 3, name: 'y' })
    expect(problem('x0 + x', 2)).toEqual({ code: 'name', position: 6, name: 'x' })
    expect(problem('1 + sin x')).toEqual({ code: 'call', position: 5, name: 'sin' })
    expect(problem('x(2)')).toEqual({ code: 'call', position: 1, name: 'x' })
    expect(problem('sin()')).toMatchObject({ code: 'call', name: 'sin' })
    expect(problem('x^2 +')).toEqual({ code: 'syntax', position: 6, kind: 'end' })
    expect(problem('2*(x + 1')).toEqual({ code: 'syntax', position: 9, kind: 'paren' })
    expect(problem('x + * 2')).toEqual({ code: 'syntax', position: 5, kind: 'other' })
    expect(problem('   ')).toEqual({ code: 'empty' })
    expect(problem('function_2', 1)).toEqual({ code: 'builtin', name: 'function_2' })
  })

  it("refuses mathjs's own names, constants and constructs", () => {
    for (const source of ['pi * x', 'e^x', 'x mod 2', 'import(x)', 'evaluate(x)', 'x = 2', '[x]', '"x"', 'x ? 1 : 2', 'f(x) = x', 'x.y', 'x == 1', 'x and 1']) {
      expect(parseExpr(source, 1).ok, source).toBe(false)
    }
  })

  it('words every problem on one line naming the position', () => {
    const line = describeExprProblem(problem('2*y'), 1)
    expect(line).toBe('unknown name "y" at position 3: the variables are x and the functions sin cos tan exp log sqrt abs')
    expect(describeExprProblem(problem('x^2 +'), 1)).toMatch(/position 6/)
    expect(describeExprProblem(problem('x + 2!'), 1)).not.toMatch(/\n/)
  })
})

describe('exactDerivative', () => {
  it("differentiates symbolically: function_1' = 0.02x + 0.1, d/dx0 of function_2 = 2x0", () => {
    const f1 = parseExpr('function_1', 1)
    const f2 = parseExpr('function_2', 2)
    if (!f1.ok || !f2.ok) throw new Error('refused')
    expect(exactDerivative(f1.expr, 'x')?.f([5])).toBeCloseTo(0.2, 15)
    expect(exactDerivative(f1.expr, 'x')?.f([10])).toBeCloseTo(0.3, 15)
    expect(exactDerivative(f2.expr, 'x0')?.f([3, 4])).toBe(6)
    expect(exactDerivative(f2.expr, 'x1')?.f([3, 4])).toBe(8)
  })

  it('knows the chain rule and the derivative of tan (written with sec)', () => {
    const r = parseExpr('tan(x) + exp(sin(x))', 1)
    if (!r.ok) throw new Error('refused')
    const d = exactDerivative(r.expr, 'x')
    expect(d?.f([0.5])).toBeCloseTo(1 / Math.cos(0.5) ** 2 + Math.cos(0.5) * Math.exp(Math.sin(0.5)), 14)
    expect(d?.tex).toMatch(/sec/)
  })
})
