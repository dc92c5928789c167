// Playground notebooks, executed with python3 + numpy: each draws its data set again (or reads
// the run's own points), rebuilds the network, trains it and ends with
// "max relative difference: X over N logged steps", X ≤ 1e-10 against the engine's numbers.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPlaygroundTrainer, type PlaygroundTraining } from '../../src/engine/playground'
import { playground } from '../../src/shared/kinds'

const playgroundDefaults = playground.defaults
import type { Params } from '../../src/engine/types'
import { notebookJson } from '../../src/services/notebook/ipynb'
import { playgroundSections } from '../../src/services/notebook/playground'
import { cells } from '../../src/services/notebook/sections'
import type { StoredRun } from '../../src/services/notebook/stored'
import { texts } from '../../src/services/notebook/text'
import type { Metrics, RunDetail, RunStatus } from '../../src/shared/api'
import { pythonMissing, runNotebookFile, summary } from './notebook-run'
import { tempDir } from './tmp'

/** The run as the lab would store it: every logged epoch, the last parameters, and the status it ended with. */
function storedRun(config: PlaygroundTraining): StoredRun {
  const trainer = createPlaygroundTrainer(config)
  const metrics: Metrics = { step: [], loss: [], lr: [], trainAcc: [], testAcc: [], testLoss: [] }
  let final: { step: number; params: Params } | null = null
  let status: RunStatus = 'done'
  try {
    while (trainer.done < trainer.total) {
      const r = trainer.step()
      if (!r) continue
      metrics.step.push(r.step)
      metrics.loss.push(r.loss)
      metrics.trainAcc.push(r.trainAcc!)
      metrics.testAcc.push(r.testAcc!)
      metrics.testLoss.push(r.testLoss!)
      final = { step: r.step, params: r.params! }
    }
  } catch {
    status = 'failed'
  }
  const run = {
    id: 1, kind: 'playground', name: 'playground test', note: '', status, reason: null, config, createdAt: '', finishedAt: null,
    durationMs: null, steps: metrics.step.length, finalLoss: null, finalTrainAcc: null, finalTestAcc: null,
    predictions: null, snapshotSteps: final ? [final.step] : [], totalSteps: config.epochs
  } as unknown as RunDetail
  return { run, metrics, final }
}

const missing = pythonMissing()

describe.skipIf(missing !== null)('playground notebooks reproduce their runs in numpy', () => {
  const reproduce = (config: PlaygroundTraining, language: 'en' | 'ko' = 'en'): { difference: number; steps: number } => {
    const s = storedRun(config)
    const t = texts[language]
    const file = join(tempDir(), 'playground.ipynb')
    writeFileSync(file, notebookJson(cells(s, playgroundSections(s, t), t), language))
    const r = runNotebookFile(file)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    return summary(r.stdout)
  }

  it('a three-arm spiral on [8, 8] tanh with L2, logged every 5 epochs (Korean)', () => {
    const config: PlaygroundTraining = {
      ...playgroundDefaults, data: 'spiral', classes: 3, points: 150, noise: 0.1, features: ['x1', 'x2', 'sinx1', 'sinx2'],
      layers: [8, 8], lr: 0.1, regularization: 'l2', regRate: 0.001, epochs: 40, logEvery: 5
    }
    expect(reproduce(config, 'ko')).toEqual({ difference: expect.any(Number), steps: 8 })
    expect(reproduce(config).difference).toBeLessThanOrEqual(1e-10)
  })

  it('placed points, ReLU, squared error, L1, He and the numerical gradient', () => {
    const custom = Array.from({ length: 24 }, (_, i) => [Math.cos(i) * (1 + (i % 3)), Math.sin(i * 1.3) * 2, i % 3] as const)
    const config: PlaygroundTraining = {
      ...playgroundDefaults, data: 'custom', custom, layers: [3], activation: 'relu', loss: 'squared', init: 'he',
      regularization: 'l1', regRate: 0.003, gradient: 'numerical', h: 1e-5, batch: 5, epochs: 6
    }
    const { difference, steps } = reproduce(config)
    expect(steps).toBe(6)
    expect(difference).toBeLessThanOrEqual(1e-10)
  })

  it('a branch: weights set by hand before the first epoch and after epoch 7, logged every 3', () => {
    const config: PlaygroundTraining = {
      ...playgroundDefaults, epochs: 12, logEvery: 3,
      edits: [{ epoch: 0, param: 'W2', row: 1, col: 0, value: 0.9 }, { epoch: 7, param: 'W1', row: 0, col: 3, value: -2.5 }, { epoch: 7, param: 'b3', row: 0, col: 0, value: 0.4 }]
    }
    const { difference, steps } = reproduce(config)
    // 3, 6, 7 (the edit), 9, 12
    expect(steps).toBe(5)
    expect(difference).toBeLessThanOrEqual(1e-10)
    // the edits are what the notebook reproduces: the same stored run read against no edits differs
    const s = storedRun(config)
    const t = texts.en
    const file = join(tempDir(), 'unedited.ipynb')
    writeFileSync(file, notebookJson(cells(s, playgroundSections({ ...s, run: { ...s.run, config: { ...s.run.config, edits: [] } as typeof s.run.config } }, t), t), 'en'))
    expect(summary(runNotebookFile(file).stdout).difference).toBeGreaterThan(1e-3)
  })

  it('a diverged run stops where its last finite epoch was stored', () => {
    const config: PlaygroundTraining = { ...playgroundDefaults, activation: 'linear', layers: [8, 8], lr: 2, batch: 1000, epochs: 20 }
    const s = storedRun(config)
    expect(s.run.status).toBe('failed')
    expect(s.metrics.step.length).toBeGreaterThan(1)
    const { difference, steps } = reproduce(config)
    expect(steps).toBe(s.metrics.step.length)
    expect(difference).toBeLessThanOrEqual(1e-10)
  })

  it('a stored loss that is off shows up as a difference', () => {
    const config: PlaygroundTraining = { ...playgroundDefaults, epochs: 5 }
    const s = storedRun(config)
    s.metrics.loss[2] *= 1 + 1e-6
    const t = texts.en
    const file = join(tempDir(), 'off.ipynb')
    writeFileSync(file, notebookJson(cells(s, playgroundSections(s, t), t), 'en'))
    expect(summary(runNotebookFile(file).stdout).difference).toBeGreaterThan(5e-7)
  })
})
