// Lessons 4.2-4.4 as stored runs: computed by the service as the app saves them (like SimpleNet),
// holding the book's numbers (numpy fixtures), and exported as notebooks that reproduce them in
// numpy with python3.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { runNotebook } from '../../src/services/notebook'
import { RunStore } from '../../src/services/store/run-store'
import type { RunConfig } from '../../src/shared/config'
import ref from '../fixtures/chapter4.json'
import { pythonMissing, runNotebookFile, summary } from './notebook-run'
import { writeFileSync } from 'node:fs'

const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const db = join(dir, 'lab.db')

async function save(config: RunConfig): Promise<{ runId: number; predictions: number[]; loss: number }> {
  const store = new RunStore(db)
  const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: () => ({ pixels: [], labels: [] }) })
  try {
    const r = await service.handle('runs:start', { config })
    if (!r.ok) throw new Error(r.error.message)
    const { runId } = r.value as { runId: number }
    const params = store.snapshot(runId, 0)!.params!
    const results = params.E ?? params.d ?? params.grad
    return { runId, predictions: Array.from(results.data), loss: store.metrics(runId).loss[0] }
  } finally {
    service.close()
    store.close()
  }
}

function reproduce(runId: number, language: 'en' | 'ko' = 'en'): { difference: number; steps: number } {
  const store = new RunStore(db)
  const file = join(dir, `run-${runId}.ipynb`)
  try {
    writeFileSync(file, runNotebook(store, runId, language).content)
  } finally {
    store.close()
  }
  const r = runNotebookFile(file)
  if (r.code !== 0) throw new Error(`the notebook failed:\n${r.stderr}`)
  return summary(r.stdout)
}

const cases: { what: string; config: RunConfig; check: (p: number[], loss: number) => void }[] = [
  {
    what: "4.2: the book's first example",
    config: { kind: 'loss', y: ref.loss[0].y, t: ref.loss[0].t },
    check: (p, loss) => {
      expect(p).toEqual([ref.loss[0].mse, ref.loss[0].cee])
      expect(loss).toBe(ref.loss[0].cee)
    }
  },
  {
    what: "4.3: function_1'(5), the book's numerical_diff",
    config: { kind: 'derivative', f: 'function_1', x: 5, h: 1e-4, method: 'central', precision: 'float64' },
    check: (p) => expect(p).toEqual([0.1999999999990898, 0.2])
  },
  {
    what: '4.3: an expression, forward, in float32',
    config: { kind: 'derivative', f: 'x**3 - 2*x + sqrt(abs(x))', x: 1.5, h: 1e-3, method: 'forward', precision: 'float32' },
    check: (p) => expect(p[0]).toBeCloseTo(3 * 1.5 ** 2 - 2 + 0.5 / Math.sqrt(1.5), 2)
  },
  {
    what: '4.3: h = 1e-50 in float32 is undefined, stored as such',
    config: { kind: 'derivative', f: 'function_1', x: 5, h: 1e-50, method: 'central', precision: 'float32' },
    check: (p) => expect(p[0]).toBeNaN()
  },
  {
    what: "4.4: numerical_gradient(function_2, (3, 4))",
    config: { kind: 'gradient', f: 'function_2', x0: 3, x1: 4, h: 1e-4 },
    check: (p) => expect(p).toEqual(ref.gradient.at[0].grad)
  },
  {
    what: '4.4: an expression of x0 and x1',
    config: { kind: 'gradient', f: 'x0*x1 + exp(x1/2) - x0^2', x0: -1.25, x1: 0.5, h: 1e-4 },
    check: (p) => expect(p[0]).toBeCloseTo(0.5 + 2.5, 6)
  }
]

describe('chapter 4 runs', () => {
  it.each(cases)('$what: stored with its numbers', async ({ config, check }) => {
    const { predictions, loss } = await save(config)
    check(predictions, loss)
  })

  const missing = pythonMissing()
  it.skipIf(missing !== null).each(cases)('$what: its notebook reproduces it in numpy', async ({ config }) => {
    const { runId } = await save(config)
    const { difference, steps } = reproduce(runId, runId % 2 ? 'ko' : 'en')
    expect(steps).toBe(1)
    expect(difference).toBeLessThanOrEqual(1e-12)
  })
})

describe('chapter 4 runs travel', () => {
  it('as CSV and as a run file that imports whole, an undefined derivative (NaN) included', async () => {
    const { runId } = await save({ kind: 'derivative', f: 'function_1', x: 5, h: 1e-50, method: 'central', precision: 'float32' })
    const store = new RunStore(db)
    const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: () => ({ pixels: [], labels: [] }) })
    try {
      const csv = await service.handle('export:runCsv', { runId })
      if (!csv.ok) throw new Error(csv.error.message)
      expect(csv.value.content.split('\r\n')[0]).toMatch(/^run_id,run_name,kind,status,step,loss/)
      const file = await service.handle('export:runFile', { runId })
      if (!file.ok) throw new Error(file.error.message)
      const other = new RunStore(join(dir, 'other.db'))
      const there = new LabService({ store: other, engine: new EngineHost(forkSpawner()), mnistSamples: () => ({ pixels: [], labels: [] }) })
      try {
        const imported = await there.handle('import:runFile', { content: file.value.content })
        if (!imported.ok) throw new Error(imported.error.message)
        const d = other.snapshot((imported.value as { runId: number }).runId, 0)!.params!.d
        expect(d.data[0]).toBeNaN()
        expect(d.data[1]).toBe(0.2)
      } finally {
        there.close()
        other.close()
      }
    } finally {
      service.close()
      store.close()
    }
  })
})
