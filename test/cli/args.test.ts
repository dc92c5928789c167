// Numbers on the command line are decimal notation only; anything else stays text, so the
// option's parser rejects it with the usual message (see contract.test.ts for those).
import { describe, expect, it } from 'vitest'
import { numeric } from '../../src/cli/args'

describe('numeric', () => {
  it('reads decimal notation', () => {
    expect(['0.1', '1e-4', '-2', '3', '.5', '2.', '+7', '1E3'].map(numeric)).toEqual([0.1, 0.0001, -2, 3, 0.5, 2, 7, 1000])
  })

  it('leaves everything else as text', () => {
    for (const t of ['0x10', '0b1', '0o7', '', ' ', ' 1', '1 ', 'Infinity', 'NaN', '1e', '1,5', '--1']) expect(numeric(t)).toBe(t)
  })
})
