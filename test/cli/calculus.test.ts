// `lab loss`, `lab derivative` and `lab gradient` as docs/cli.md promises: the book's numbers
// (numpy, fixtures/make_chapter4_fixtures.py) on stdout as one JSON object, and a bad
// expression or vector refused in one line with exit 2.
import { describe, expect, it } from 'vitest'
import ref from '../fixtures/chapter4.json'
import { lab } from './lab'

const json = (args: string[]): unknown => {
  const r = lab([...args, '--json'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  const lines = r.stdout.trim().split('\n')
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0])
}

const refused = (args: string[], line: string): void => {
  const r = lab(args)
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toBe(`lab: ${line}\n`)
}

describe('lab loss', () => {
  it("gives the book's MSE and CEE for a label target and for the same target one-hot", () => {
    const c = ref.loss[0]
    const y = c.y.join(',')
    expect(json(['loss', '--y', y, '--t', String(c.t)])).toEqual({ mse: c.mse, cee: c.cee })
    const hot = c.y.map((_, k) => (k === c.t ? 1 : 0)).join(',')
    expect(json(['loss', '--y', y, '--t', hot])).toEqual({ mse: c.mse, cee: c.cee })
  })

  it('refuses a y that is not a distribution and a target that is no class', () => {
    refused(['loss', '--y', '0.5,-0.1,0.6', '--t', '0'], '--y: entry 2 of y is -0.1: a probability is at least 0')
    refused(['loss', '--y', '0.5,0.5', '--t', '2'], '--t: the label 2 is not a class: a label is an integer from 0 to 1')
  })
})

describe('lab derivative', () => {
  it("prints the book's numerical_diff of function_1 at 5 and the exact 0.2", () => {
    expect(json(['derivative', '--f', 'function_1', '--x', '5'])).toEqual({ x: 5, h: 1e-4, method: 'central', derivative: 0.1999999999990898, exact: 0.2 })
  })

  it('takes an expression, h and the forward difference', () => {
    const c = ref.diff.errorVsH.find((e) => e.x === 10 && e.h === 0.001 && e.powExact)!
    const out = json(['derivative', '--f', '0.01*x**2 + 0.1*x', '--x', '10', '--h', '0.001', '--method', 'forward']) as Record<string, number>
    expect(out.derivative).toBeCloseTo(c.forward, 12)
    expect(out.exact).toBeCloseTo(0.3, 15)
  })

  it('refuses a bad expression in one line naming the position', () => {
    refused(['derivative', '--f', '2*y', '--x', '1'], '--f: unknown name "y" at position 3: the variables are x and the functions sin cos tan exp log sqrt abs')
    refused(['derivative', '--f', 'sin(x', '--x', '1'], '--f: a closing parenthesis ")" is missing at position 6')
  })
})

describe('lab gradient', () => {
  it("prints the book's numerical_gradient of function_2 at (3, 4)", () => {
    expect(json(['gradient', '--f', 'function_2', '--x', '3,4'])).toEqual({ x: [3, 4], grad: ref.gradient.at[0].grad })
  })

  it('refuses a bad vector in one line', () => {
    refused(['gradient', '--f', 'function_2', '--x', '3'], '--x must be exactly 2 numbers separated by commas (got 1)')
    refused(['gradient', '--f', 'x0 + x', '--x', '1,2'], '--f: unknown name "x" at position 6: the variables are x0, x1 and the functions sin cos tan exp log sqrt abs')
  })
})
