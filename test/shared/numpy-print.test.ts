// The log pane's number formatting against numpy's own printing (fixtures/make_print_fixtures.py).
import { describe, expect, it } from 'vitest'
import fixture from '../fixtures/numpy-print.json'
import { createTrainer } from '../../src/engine'
import type { GateName } from '../../src/engine/types'
import { notebook } from '../../src/shared/kinds'
import { gateLine, mnistLine, NOTEBOOK_PRINT_EVERY, xor2Line } from '../../src/shared/notebook-lines'
import { npArray, pyFloat } from '../../src/shared/numpy-print'

const num = (v: number | string): number => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity)

describe('numpy printing', () => {
  it.each(fixture.scalars)('prints the float $value as Python does ($str)', ({ value, str }) => {
    expect(pyFloat(value)).toBe(str)
  })

  it.each(fixture.arrays)('prints the array $values as numpy does ($str)', ({ values, str }) => {
    expect(npArray(values.map(num))).toBe(str)
  })
})

const NUMBER = /-?\d+(?:\.\d*)?(?:e[+-]\d+)?/g

/**
 * Lines alike: the same words and layout, and numbers within 1e-10 (numpy's central differences
 * and the engine's round differently in the last digits of the loss; see test/engine/gates.test.ts).
 */
function expectLinesLike(actual: string[], expected: string[]): void {
  expect(actual.map((l) => l.replace(NUMBER, '#'))).toEqual(expected.map((l) => l.replace(NUMBER, '#')))
  actual.forEach((line, i) => {
    const got = line.match(NUMBER)!.map(Number)
    const want = expected[i].match(NUMBER)!.map(Number)
    got.forEach((v, k) => expect(Math.abs(v - want[k]), `${line}\nvs ${expected[i]}`).toBeLessThan(1e-10))
  })
}

describe("the notebook's training lines", () => {
  it.each(fixture.gates)('are the lines numpy prints for the $gate gate (seed $seed), from the engine', ({ gate, seed, lines }) => {
    const trainer = createTrainer({ ...notebook.gate, gate: gate as GateName, seed })
    const printed: string[] = []
    while (trainer.done < trainer.total) {
      const r = trainer.step()!
      if (r.step % NOTEBOOK_PRINT_EVERY === 0) printed.push(gateLine(gate as GateName, r.step, r.loss, r.params!.w.data, r.params!.b.data))
    }
    expectLinesLike(printed, lines)
  })

  it('are the lines numpy prints for the two-layer XOR, from the engine', () => {
    const trainer = createTrainer({ ...notebook.xor2 })
    const printed: string[] = []
    while (trainer.done < trainer.total) {
      const r = trainer.step()!
      const p = r.params!
      if (r.step % NOTEBOOK_PRINT_EVERY === 0) printed.push(xor2Line(r.step, r.loss, { W1: p.W1.data, b1: p.b1.data, W2: p.W2.data, b2: p.b2.data }))
    }
    expectLinesLike(printed, fixture.xor2.lines)
  })

  it("prints MNIST's line with Python's floats", () => {
    // the notebook's first line (4.5.3), typed from its output
    expect(mnistLine(1, 402.8164838421469, 5923 / 60000, 980 / 10000)).toBe(
      'Epoch : 1, Cost : 402.8164838421469, Train Accuracy : 0.09871666666666666, Test Accuracy : 0.098'
    )
  })
})
