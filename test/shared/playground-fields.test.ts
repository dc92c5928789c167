// The playground's config parser: the lesson's defaults pass, each rule refuses by its field.
import { describe, expect, it } from 'vitest'
import { playground, type PlaygroundConfig } from '../../src/shared/kinds'
import { parsePlayground } from '../../src/shared/kinds'

const ok = structuredClone(playground.defaults)

describe('parsePlayground', () => {
  it('takes the lesson’s defaults and a custom data set', () => {
    expect(parsePlayground(ok, 'config')).toEqual(ok)
    const custom = { ...ok, data: 'custom', custom: [[0, 0, 0], [1, -1, 2]] }
    expect(parsePlayground(custom, 'config').custom).toEqual([[0, 0, 0], [1, -1, 2]])
  })

  it.each([
    [{ layers: [4, 9] }, 'config.layers[1] must be an integer from 1 to 8 (got 9)'],
    [{ layers: [1, 1, 1, 1, 1, 1, 1] }, 'config.layers must be a list of 0 to 6 layer sizes from 1 to 8 (got an array of 7)'],
    [{ features: ['x1', 'x1'] }, 'config.features must be 1 to 7 different features of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 (got an array of 2)'],
    [{ features: [] }, 'config.features must be a list of 1 to 7 features (got an array of 0)'],
    [{ noise: 0.6 }, 'config.noise must be a number at least 0 and at most 0.5 (got 0.6)'],
    [{ testRatio: 0.05 }, 'config.testRatio must be a number at least 0.1 and at most 0.9 (got 0.05)'],
    [{ activation: 'softplus' }, 'config.activation must be one of sigmoid, tanh, relu, linear (got "softplus")'],
    [{ data: 'custom' }, 'config.custom must be at least 2 points for the custom data set (got 0)'],
    [{ custom: [[0, 0, 1]] }, 'config.custom must be no points unless the data set is custom (got 1)'],
    [{ data: 'custom', custom: [[0, 0, 0], [7, 0, 1]] }, 'config.custom[1][0] must be a number at least -6 and at most 6 (got 7)'],
    [{ data: 'custom', custom: [[0, 0, 0], [1, 0, 3]] }, 'config.custom[1][2] must be an integer from 0 to 2 (got 3)']
  ])('refuses %j', (change, message) => {
    expect(() => parsePlayground({ ...ok, ...change }, 'config')).toThrow(message)
  })
})

describe('the playground’s constants in src/shared', () => {
  it('agree with the engine’s (src/shared may take only its types)', async () => {
    const engine = await import('../../src/engine/playground')
    const shared = await import('../../src/shared/playground-fields')
    expect([shared.EXTENT, shared.MAX_POINTS, shared.MAX_LABEL]).toEqual([engine.EXTENT, engine.MAX_CSV_POINTS, engine.MAX_LABEL])
    expect([...shared.DATASETS]).toEqual([...engine.DATASETS])
    expect([...shared.FEATURES]).toEqual([...engine.FEATURES])
  })

  it('the descriptor’s shapes are the trainer’s', async () => {
    const { playgroundModel } = await import('../../src/engine/playground')
    const configs: PlaygroundConfig[] = [
      playground.defaults,
      { ...playground.defaults, data: 'spiral', classes: 3, layers: [8, 8, 1], features: ['x1', 'sinx2', 'x1x2'] },
      { ...playground.defaults, layers: [] }
    ]
    for (const c of configs) {
      const params = playgroundModel(c).params
      expect(playground.params(c).map(([n, r, k]) => [n, r, k])).toEqual(Object.entries(params).map(([n, m]) => [n, m.rows, m.cols]))
    }
  })
})
