// SimpleNet with the book's loss (common/functions.py: delta 1e-7 inside the log) against numpy
// fixtures from fixtures/make_simplenet_book_fixture.py, and its difference from the notebook's.
import { describe, expect, it } from 'vitest'
import { simpleNet } from '../../src/engine/simplenet'
import type { SimpleNetConfig } from '../../src/shared/config'
import fixture from '../fixtures/simplenet-book.json'
import { expectClose } from './close'

const config = (c: (typeof fixture.cases)[number], formulation?: 'notebook' | 'book'): SimpleNetConfig => ({
  kind: 'simplenet', seed: c.seed, x: c.x, t: c.t, h: 1e-4, steps: 0, lr: 0.1, ...(formulation ? { formulation } : {})
})

describe("SimpleNet, the book's formulation", () => {
  it.each(fixture.cases)('seed $seed, x $x, t $t: loss and dW as numpy computes them', (c) => {
    const r = simpleNet(config(c, 'book'))
    expectClose(r.loss, c.loss, { rel: 1e-12 }, 'loss')
    // dW divides a loss difference by 2h: its noise is about ulp(loss)/2h
    expectClose(r.dW.flat(), c.dW, { abs: 1e-10 }, 'dW')
    expect(r.maxDiff).toBeLessThan(1e-7)
  })

  it("differs from the notebook's (delta 1e-4), which stays the default", () => {
    const c = fixture.cases[0]
    const notebook = simpleNet(config(c, 'notebook'))
    expect(simpleNet(config(c)).loss).toBe(notebook.loss)
    // the notebook prints 3.344918677423258 for this W; the book's smaller delta gives a larger loss
    expectClose(notebook.loss, 3.344918677423258, { rel: 1e-15 })
    expect(Math.abs(simpleNet(config(c, 'book')).loss - notebook.loss)).toBeGreaterThan(1e-3)
  })
})
