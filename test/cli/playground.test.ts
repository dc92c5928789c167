// `lab train playground`: the contract's JSON lines against the numpy fixture's run, a CSV file's
// points as the run's data, a bad line refused by its number, and a diverged run's reason.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import fixture from '../fixtures/playground.json'
import { tempDir } from '../services/tmp'
import { jsonLines, lab } from './lab'
import { expectClose } from '../engine/close'

describe('lab train playground', () => {
  it('prints every K-th epoch as {epoch, trainLoss, testLoss, trainAcc, testAcc}, numpy’s numbers, then {done, runId}', () => {
    const run = fixture.runs[0] // circle, [4, 2] tanh, 60 points, 15 epochs
    const c = run.config
    const db = join(tempDir(), 'lab.db')
    const r = lab(['train', 'playground', '--data', c.data, '--points', String(c.points), '--noise', String(c.noise), '--test-ratio', String(c.testRatio),
      '--layers', c.layers.join(','), '--lr', String(c.lr), '--batch', String(c.batch), '--epochs', String(c.epochs), '--seed', String(c.seed),
      '--log-every', '5', '--json', '--db', db])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const lines = jsonLines(r.stdout) as Record<string, number>[]
    expect(lines.map((l) => l.epoch)).toEqual([5, 10, 15, undefined])
    for (const line of lines.slice(0, 3)) {
      const e = run.log[line.epoch - 1]
      expect(Object.keys(line)).toEqual(['epoch', 'trainLoss', 'testLoss', 'trainAcc', 'testAcc'])
      expectClose([line.trainLoss, line.testLoss], [e.trainLoss, e.testLoss], { rel: 1e-11 }, `epoch ${line.epoch}`)
      expect([line.trainAcc, line.testAcc]).toEqual([e.trainAcc, e.testAcc])
    }
    expect(lines[3]).toEqual({ done: true, runId: 1 })
  })

  it('trains on the points of a CSV file, which the stored run keeps', () => {
    const dir = tempDir()
    const file = join(dir, 'points.csv')
    writeFileSync(file, 'x1,x2,label\n1,1,0\n-1,-1,1\n2,2,0\n-2,-2.5,1\n0.5,3,2\n')
    const db = join(dir, 'lab.db')
    const r = lab(['train', 'playground', '--data', file, '--layers', '0', '--epochs', '2', '--json', '--db', db])
    expect(r.code).toBe(0)
    const store = new Database(db, { readonly: true })
    const config = JSON.parse((store.prepare('SELECT config FROM runs').get() as { config: string }).config)
    store.close()
    expect(config).toMatchObject({ data: 'custom', layers: [], custom: [[1, 1, 0], [-1, -1, 1], [2, 2, 0], [-2, -2.5, 1], [0.5, 3, 2]] })
  })

  it('refuses a CSV file with a bad line, naming the line and what is allowed', () => {
    const file = join(tempDir(), 'bad.csv')
    writeFileSync(file, '1,1,0\n2,2,1\n3,3\n')
    const r = lab(['train', 'playground', '--data', file, '--no-save', '--json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`lab: --data ${file}: line 3: 2 values instead of 3; each line is x1,x2,label with x1 and x2 numbers from -6 to 6 and label 0, 1 or 2\n`)
  })

  it('ends a diverged run as failed, in the chapter’s terms, after printing its finite epochs', () => {
    const r = lab(['train', 'playground', '--activation', 'linear', '--batch', '1000', '--lr', '10', '--log-every', '1', '--no-save', '--json'])
    expect(r.code).toBe(1)
    const last = jsonLines(r.stdout).at(-1) as { done: boolean; status: string; reason: string }
    expect(last).toMatchObject({ done: false, status: 'failed' })
    expect(last.reason).toMatch(/^training failed: diverged in epoch \d+: the loss became infinite or not a number; the learning rate is too large for this network/)
    expect(jsonLines(r.stdout).slice(0, -1).map((l) => l.epoch)).toEqual([1, 2])
    expect(r.stdout).not.toMatch(/NaN/)
  })
})
