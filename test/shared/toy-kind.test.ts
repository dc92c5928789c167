// Adding a kind is one descriptor + its trainer (+ its lesson views and notebook builder): a toy
// kind registered here, and nowhere else, is in `lab --help`, the run budget, the store, a run
// file round trip, a CSV export and the library's columns. docs/architecture.md, "How to add a kind".
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandHelp, command, overview } from '../../src/cli/options'
import { registerTrainer } from '../../src/engine'
import type { StepRecord, Trainer } from '../../src/engine/types'
import { runCsv } from '../../src/services/csv-exports'
import { exportRunFile, importRunText } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'
import { requests } from '../../src/shared/api'
import { parseRunConfig, parseTrainConfig, type RunConfig, type RunKind } from '../../src/shared/config'
import { configParser, fields, seedRow, type FieldSpec } from '../../src/shared/fields'
import { kindOf, lessonTitle, registerKind, shownName, type KindDescriptor } from '../../src/shared/kinds'
import { int, type Infer } from '../../src/shared/schema'
import { tempDir } from '../services/tmp'

const rows = [
  seedRow,
  { key: 'steps', parse: int(1, 100_000_000), text: 'integer', meta: 'N', help: 'halvings of w', label: { en: 'Steps', ko: '단계 수' } },
  { key: 'every', parse: fields.logEvery, text: 'integer', meta: 'K', help: 'store every K-th step', label: { en: 'Store every', ko: '저장 간격' } }
] as const satisfies readonly FieldSpec[]
const parseToy = configParser('toy', rows)
type ToyConfig = Infer<typeof parseToy>

const defaults: ToyConfig = { kind: 'toy', seed: 1, steps: 4, every: 2 }
const w = (step: number): number => 1 / 2 ** step

const toy = {
  kind: 'toy',
  lesson: { section: '4.9', title: { en: 'Halving', ko: '반으로 줄이기' }, blurb: { en: 'A number halves each step.', ko: '수가 단계마다 반으로 줄어듭니다.' } },
  fields: rows,
  parse: parseToy,
  notebook: defaults,
  defaults,
  run: 'step',
  firstStep: 1,
  stepNoun: 'epoch',
  params: () => [['w', 1, 1]],
  grads: false,
  precision: 8,
  confusion: false,
  predictions: 1,
  history: true,
  dataset: null,
  livePoints: null,
  totalSteps: (c) => c.steps,
  counts: (c) => ({ metrics: Math.floor(c.steps / c.every) + 1, paramSnapshots: Math.floor(c.steps / c.every) + 1, evalSnapshots: 0 }),
  applies: () => true,
  budgetKnobs: ['every'],
  defaultName: (c, lang) => (lang === 'en' ? `Halving from seed ${c.seed}` : `시드 ${c.seed}에서 반으로`),
  keyParams: (c, lang) => (lang === 'en' ? `${c.steps} steps` : `${c.steps}단계`),
  cli: {
    defaults,
    summary: 'Section 4.9: w halves every step. JSON: every K steps {step, w}; last {done, runId}.',
    json: (r) => ({ step: r.step, w: r.params?.w.data[0] }),
    human: (r) => `Step : ${r.step}, w : ${r.params?.w.data[0]}`,
    printed: () => true
  }
} satisfies KindDescriptor<ToyConfig>

/** w = 1/2^step, loss w²: each K-th step and the last are logged with w. */
function toyTrainer(c: ToyConfig): Trainer {
  let done = 0
  const params = () => ({ w: { rows: 1, cols: 1, data: Float64Array.of(w(done)) } })
  return {
    total: c.steps,
    get done() {
      return done
    },
    step(record = false): StepRecord | null {
      done++
      if (!record && done % c.every !== 0 && done !== c.steps) return null
      return { step: done, loss: w(done) ** 2, params: params() }
    },
    params,
    result: () => ({ predictions: [w(done)] })
  }
}

const stores: RunStore[] = []
const store = (): RunStore => {
  const s = new RunStore(join(tempDir(), 'lab.db'))
  stores.push(s)
  return s
}

beforeAll(() => {
  registerKind(toy)
  registerTrainer('toy', toyTrainer)
})
afterAll(() => stores.forEach((s) => s.close()))

/** A toy run trained to the end and stored the way a host stores one. */
function trained(s: RunStore, config: ToyConfig): number {
  const trainer = toyTrainer(config)
  // a kind registered at run time is outside RunConfig's type (the built-in kinds), not outside the store
  const id = s.createRun({ config: config as unknown as RunConfig, totalSteps: trainer.total })
  const records: StepRecord[] = []
  while (trainer.done < trainer.total) {
    const r = trainer.step()
    if (r) records.push(r)
  }
  s.append(id, records)
  s.finish(id, 'done', null, trainer.result().predictions)
  return id
}

describe('a toy kind registered in a test', () => {
  it('is a `lab train` command with its rows as options', () => {
    expect(overview()).toContain('  train toy ')
    const help = commandHelp(command('train toy'))
    expect(help).toContain('Section 4.9: w halves every step.')
    expect(help).toContain('  --every K\n      store every K-th step (allowed: an integer from 1 to 100000; default: 2)')
  })

  it('is parsed by every front, and its runs are held to the run budget by its own knob', () => {
    expect(parseTrainConfig({ ...defaults }, 'config')).toEqual(defaults)
    expect(requests['runs:list']({ kind: 'toy' }, '')).toEqual({ kind: 'toy' })
    // 10^8 steps stored every step: far past 128 MiB, so `every` must grow
    const big = { ...defaults, steps: 100_000_000, every: 1 }
    expect(() => parseRunConfig(big, 'config')).toThrow(/^config\.every 1 is too small: .*Set it to at least \d+\.$/)
    const fits = Number(/at least (\d+)\.$/.exec(String((() => { try { parseRunConfig(big, 'config') } catch (e) { return (e as Error).message } })()))![1])
    expect(parseRunConfig({ ...big, every: fits }, 'config')).toEqual({ ...big, every: fits })
    expect(() => parseRunConfig({ ...big, every: fits - 1 }, 'config')).toThrow(/too small/)
  })

  it('is stored with its default name and its numbers in float64', () => {
    const s = store()
    const id = trained(s, defaults)
    const run = s.getRun(id)!
    expect(run).toMatchObject({ kind: 'toy', name: 'Halving from seed 1', status: 'done', steps: 2, config: defaults })
    // steps 2 and 4 (every 2nd, the last), and w = 1/2^step exactly
    expect(s.metrics(id).step).toEqual([2, 4])
    expect(Array.from(s.snapshot(id, 4)!.params!.w.data)).toEqual([1 / 16])
    expect(s.listRuns({ kind: 'toy' as RunKind }).map((r) => r.id)).toEqual([id])
  })

  it('goes through a run file into another database and back out the same', async () => {
    const a = store()
    const id = trained(a, { ...defaults, seed: 7, steps: 5 })
    const file = await exportRunFile(a, id)
    const b = store()
    const { runId, duplicate } = await importRunText(b, file.content, 'toy.glrun')
    expect(duplicate).toBe(false)
    expect(b.getRun(runId)).toMatchObject({ kind: 'toy', config: { ...defaults, seed: 7, steps: 5 }, status: 'done' })
    expect(b.metrics(runId)).toEqual(a.metrics(id))
    expect(Array.from(b.snapshot(runId, 5)!.params!.w.data)).toEqual([1 / 32])
    expect((await exportRunFile(b, runId)).content.split('\n').slice(1)).toEqual(file.content.split('\n').slice(1))
  })

  it('is exported as CSV with its settings as columns', () => {
    const s = store()
    const id = trained(s, defaults)
    const [header, ...lines] = runCsv(s, id).content.trim().split(/\r?\n/)
    expect(header).toContain('kind,status,step,loss,lr,train_acc,test_acc,test_loss,config.seed,config.steps,config.every')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`,toy,done,4,${1 / 256},`)
  })

  it("is named in the library's columns in both languages", () => {
    expect(lessonTitle('toy', 'en')).toBe('4.9 Halving')
    expect(lessonTitle('toy', 'ko')).toBe('4.9 반으로 줄이기')
    const run = { name: 'Halving from seed 3', config: { ...defaults, seed: 3 } }
    expect(shownName(run, 'ko')).toBe('시드 3에서 반으로')
    expect(shownName({ ...run, name: 'mine' }, 'ko')).toBe('mine')
    expect(kindOf('toy').keyParams(run.config, 'ko')).toBe('4단계')
  })
})
