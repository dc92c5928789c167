// Every kind's trainer (or computation) emits exactly the parameters, shapes and gradients its
// descriptor declares (src/shared/kinds/): the run files, the run budget and the views all read
// the descriptor's shapes, so a trainer that drifts from it would be refused or misdrawn.
import { describe, expect, it } from 'vitest'
import { computationKinds, computeRun, createTrainer, trainerKinds } from '../../src/engine'
import type { Params, StepRecord } from '../../src/engine/types'
import { allKinds, kindOf, type AnyKind } from '../../src/shared/kinds'

const shapesOf = (p: Params | undefined): [string, number, number][] =>
  Object.entries(p ?? {}).map(([name, m]) => [name, m.rows, m.cols])

// a small network and a made-up data set keep the MNIST trainer quick; its shapes follow `hidden`
const blank = { count: 3, images: new Float32Array(3 * 784), labels: Uint8Array.from([1, 2, 3]) }
const small = (kind: AnyKind): { kind: string } =>
  kind.dataset === 'mnist' ? ({ ...kind.defaults, hidden: 5, batch: 2, iterations: 2, evalEvery: 0, snapshotEvery: 1 } as { kind: string }) : kind.defaults

function expectDeclared(kind: AnyKind, config: { kind: string }, r: StepRecord): void {
  const declared = kind.params(config).map(([n, rows, cols]) => [n, rows, cols])
  expect(shapesOf(r.params)).toEqual(declared)
  expect(shapesOf(r.grads)).toEqual(kind.grads ? declared.map(([n, rows, cols]) => [`d${n}`, rows, cols]) : [])
}

describe('the engine lists a trainer for every kind trained step by step, a computation for every computed one', () => {
  it('and none for a kind the registry does not have', () => {
    expect(trainerKinds().sort()).toEqual(allKinds().filter((k) => k.run === 'step').map((k) => k.kind).sort())
    expect(computationKinds().sort()).toEqual(allKinds().filter((k) => k.run === 'computed').map((k) => k.kind).sort())
  })
})

describe.each(trainerKinds())('the %s trainer', (name) => {
  it('emits exactly the shapes its descriptor declares', () => {
    const kind = kindOf(name)
    const config = small(kind)
    const trainer = createTrainer(config, kind.dataset === 'mnist' ? { train: blank, test: blank } : undefined)
    const r = trainer.step(true)!
    expectDeclared(kind, config, r)
    expect(shapesOf(trainer.params())).toEqual(kind.params(config).map(([n, rows, cols]) => [n, rows, cols]))
  })
})

describe.each(computationKinds())('the %s computation', (name) => {
  it('emits exactly the shapes its descriptor declares, at its first step and its last', () => {
    const kind = kindOf(name)
    const config = kind.defaults
    const { records } = computeRun(config)
    expect(records[0].step).toBe(kind.firstStep)
    expect(records).toHaveLength(kind.counts(config).metrics)
    for (const r of [records[0], records.at(-1)!]) expectDeclared(kind, config, r)
  })
})
