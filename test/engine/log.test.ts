// The correctly rounded log against 60-digit Decimal logarithms rounded once (fixtures/make_fixtures.py).
import { describe, expect, it } from 'vitest'
import { log } from '../../src/engine/log'
import fixture from '../fixtures/log.json'

describe('log', () => {
  it('is the double nearest to the exact logarithm, for every fixture input', () => {
    const wrong = fixture.x.filter((x, i) => log(x) !== fixture.log[i])
    expect(wrong).toEqual([])
  })

  it('is more accurate than Math.log on the same inputs (which this test can tell apart)', () => {
    // a reference that can fail: Math.log misrounds a few percent of these inputs, so the fixture does detect 1-ulp errors
    const misrounded = fixture.x.filter((x, i) => Math.log(x) !== fixture.log[i]).length
    expect(misrounded).toBeGreaterThan(10)
  })

  it('passes special values through', () => {
    expect(log(1)).toBe(0)
    expect(log(0)).toBe(-Infinity)
    expect(log(Infinity)).toBe(Infinity)
    expect(log(-1)).toBeNaN()
    expect(log(NaN)).toBeNaN()
  })
})
