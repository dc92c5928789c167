// A paused playground run's weight edited by hand: the run ends where it holds and a branch goes
// on from there, stored as such. The reference is numpy (fixtures/make_playground_fixtures.py's
// branch run: one weight set before the first epoch, two after epoch 6), reached here through
// the service as a learner reaches it: Step six times, edit, edit again, Resume.
import { describe, expect, it } from 'vitest'
import type { PlaygroundConfig } from '../../src/shared/kinds'
import type { ProgressEvent } from '../../src/shared/api'
import fixture from '../fixtures/playground.json'
import { ok, setup } from './lab-harness'
import { expectClose } from '../engine/close'
import { runCsv } from '../../src/services/csv-exports'
import { parseCsv } from './csv-reader'

const reference = fixture.runs.find((r) => r.config.edits.length > 0)!
const [before, ...after] = reference.config.edits
const { epoch: _, ...change } = after[0]
const config = { ...reference.config, edits: [before] } as PlaygroundConfig

const held = (runId: number, done: number) => (e: ProgressEvent) => e.runId === runId && e.status === 'paused' && e.done === done

describe('editing a paused playground run’s weight starts a branch', () => {
  it('the branch retrains the parent’s epochs, holds at the edit, and trains on as numpy does', async () => {
    const { service, store, next } = setup()
    const started = next((e) => e.status === 'paused')
    const { runId: first } = await ok(service.handle('runs:start', { config, paused: true }))
    await started
    for (let k = 1; k <= 6; k++) {
      const stepped = next(held(first, k))
      await ok(service.handle('runs:step', { runId: first }))
      await stepped
    }

    const branched = next((e) => e.runId !== first && e.status === 'paused' && e.done === 6)
    const { runId: second } = await ok(service.handle('runs:branch', { runId: first, edit: change }))
    await branched
    // the parent ends where it was held; the branch is stored as its branch, its edit in its configuration
    expect(store.getRun(first)).toMatchObject({ status: 'stopped', steps: 6, parentId: null })
    expect(store.getRun(second)).toMatchObject({ status: 'paused', steps: 6, parentId: first, name: expect.stringMatching(/, branch at epoch 6$/) })
    expect((store.getRun(second)!.config as PlaygroundConfig).edits).toEqual([before, after[0]])
    // epochs 1-5 are the parent's to the bit; epoch 6 is the edited network's
    const [a, b] = [store.metrics(first), store.metrics(second)]
    expect(b.loss.slice(0, 5)).toEqual(a.loss.slice(0, 5))
    expect(b.loss[5]).not.toBe(a.loss[5])
    const W2 = store.snapshot(second, 6)!.params!.W2
    expect(W2.data[after[0].row * W2.cols + after[0].col]).toBe(after[0].value)

    // a branch of the branch at the same epoch, then Resume: the whole run is numpy's
    const again = next((e) => e.runId !== first && e.runId !== second && e.status === 'paused' && e.done === 6)
    const { epoch: __, ...change2 } = after[1]
    const { runId: third } = await ok(service.handle('runs:branch', { runId: second, edit: change2 }))
    await again
    expect(store.getRun(second)).toMatchObject({ status: 'stopped', steps: 6 })
    expect(store.getRun(third)).toMatchObject({ parentId: second })
    const done = next((e) => e.runId === third && e.status === 'done')
    await ok(service.handle('runs:resume', { runId: third }))
    await done
    const m = store.metrics(third)
    expect(m.step).toEqual(reference.log.map((e) => e.epoch))
    expectClose(m.loss, reference.log.map((e) => e.trainLoss), { rel: 1e-11 }, 'train loss')
    // the test loss is stored with every epoch
    expectClose(m.testLoss, reference.log.map((e) => e.testLoss), { rel: 1e-11 }, 'test loss')
    expect(m.testAcc).toEqual(reference.log.map((e) => e.testAcc))
    // and in the run's CSV, column test_loss
    const [header, ...rows] = parseCsv(runCsv(store, third).content)
    const col = header.indexOf('test_loss')
    expectClose(rows.map((r) => Number(r[col])), reference.log.map((e) => e.testLoss), { rel: 1e-11 }, 'CSV test_loss')
    const final = store.snapshot(third, 15)!.params!
    for (const [name, v] of Object.entries(reference.params)) expectClose(final[name].data, v, { rel: 1e-10, abs: 1e-13 }, name)
  })

  it('refuses a run that is not paused, a weight the network does not have and a value out of range, naming what is allowed', async () => {
    const { service, next } = setup()
    const started = next((e) => e.status === 'paused')
    const { runId } = await ok(service.handle('runs:start', { config: { ...config, epochs: 100_000, logEvery: 1000 }, paused: true }))
    await started
    const refusal = async (edit: typeof change): Promise<string> => {
      const r = await service.handle('runs:branch', { runId, edit })
      if (r.ok) throw new Error('the edit was taken')
      return r.error.message
    }
    expect(await refusal({ ...change, param: 'W4' })).toMatch(/a parameter of this network: W1, b1, W2, b2, W3, b3/)
    expect(await refusal({ ...change, row: 4 })).toMatch(/an entry of W2 \(4x2\): row 0 to 3, column 0 to 1/)
    expect(await refusal({ ...change, value: 5000 })).toMatch(/value.*-1000.*1000/)
    const running = next((e) => e.runId === runId && e.status === 'running')
    await ok(service.handle('runs:resume', { runId }))
    await running
    expect(await refusal(change)).toMatch(new RegExp(`run ${runId} is not paused: pause it, then edit its weights`))
  })
})
