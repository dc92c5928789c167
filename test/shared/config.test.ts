// The configuration types are derived from their parsers, and the parsers from the field table:
// one row in src/shared/fields.ts adds a parameter to the type, the validator and the command
// line alike. These checks run in the typecheck (expectTypeOf) and at run time.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { parseRunConfig, type MnistConfig, type SimpleNetConfig } from '../../src/shared/config'
import { gate, notebook, parseMnist } from '../../src/shared/kinds'
import { commandHelp, type Command } from '../../src/cli/options'
import { flagOf, shapeOf } from '../../src/shared/fields'
import { int, literal, num, object, optional, str, type Infer } from '../../src/shared/schema'

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

describe('a parameter added as one row of the field table', () => {
  const momentum = { key: 'momentum', parse: num({ min: 0, max: 1 }), text: 'number', meta: 'M', help: 'momentum of the updates', label: { en: 'Momentum', ko: '모멘텀' } } as const
  const table = [...gate.fields, momentum] as const
  const parse = object({ kind: literal('gate'), ...shapeOf(table) })

  it('is in the derived type and checked by the derived parser', () => {
    expectTypeOf<Infer<typeof parse>['momentum']>().toEqualTypeOf<number>()
    expect(parse({ ...notebook.gate, momentum: 0.9 }, 'config').momentum).toBe(0.9)
    expect(() => parse({ ...notebook.gate, momentum: 2 }, 'config')).toThrow('config.momentum must be a number at least 0 and at most 1 (got 2)')
  })

  it('has its flag, range and meaning in the help the lab command builds', () => {
    const command: Command = {
      name: 'train gate',
      summary: 'a gate with momentum',
      options: table.map((f) => ({ flag: flagOf(f.key), meta: f.meta, help: f.help, allowed: f.parse.allowed }))
    }
    expect(commandHelp(command)).toContain('  --momentum M\n      momentum of the updates (allowed: a number at least 0 and at most 1)')
  })
})
