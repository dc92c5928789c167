// The configuration types are derived from their parsers: one edit in src/shared/config.ts adds
// a field to the type, the validator and the stored run alike. These checks run in the typecheck
// (expectTypeOf) and at run time.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { notebook, parseMnist, parseRunConfig, type MnistConfig, type SimpleNetConfig } from '../../src/shared/config'
import { int, object, optional, str, type Infer } from '../../src/shared/schema'

describe('types derived from parsers', () => {
  it('makes a field optional exactly when its parser may yield undefined', () => {
    const parse = object({ a: int(0, 9), b: optional(str({ max: 3 })), c: optional(int(0, 9), 5) })
    expectTypeOf<Infer<typeof parse>>().toEqualTypeOf<{ a: number; b?: string; c: number }>()
    expect(parse({ a: 1 }, '')).toEqual({ a: 1, b: undefined, c: 5 })
  })

  it('gives SimpleNet its optional W and the MNIST config its formulations', () => {
    expectTypeOf<SimpleNetConfig['W']>().toEqualTypeOf<number[] | undefined>()
    expectTypeOf<MnistConfig['formulation']>().toEqualTypeOf<'textbook' | 'standard' | 'twolayernet'>()
  })

  it('accepts every field its type has, and nothing else', () => {
    const config: MnistConfig = { ...notebook.mnist, formulation: 'twolayernet' }
    expect(parseMnist(config, 'config')).toEqual(config)
    expect(() => parseRunConfig({ ...config, momentum: 0.9 }, 'config')).toThrow(
      'unknown field config.momentum (allowed: kind, seed, hidden, batch, iterations, lr, gradient, formulation, h, evalEvery, snapshotEvery)'
    )
  })
})
