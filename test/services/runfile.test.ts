import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTrainer } from '../../src/engine'
import type { StepRecord } from '../../src/engine/types'
import { notebook } from '../../src/shared/kinds'
import { exportRunFile, importRunPath, importRunText, writeRunFile } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'
import { tempDir, storeDb } from './tmp'

const open: RunStore[] = []
afterEach(() => open.splice(0).forEach((s) => s.close()))
const store = (): RunStore => {
  const s = new RunStore(join(tempDir(), 'lab.db'))
  open.push(s)
  return s
}

const m = (rows: number, cols: number, values: number[]) => ({ rows, cols, data: Float64Array.from(values) })

function sourceRun(s: RunStore): number {
  const id = s.createRun({ config: { kind: 'xor2', seed: 3, schedule: [{ lr: 0.1, epochs: 2 }, { lr: 0.3, epochs: 1 }], h: 1e-5, gradient: 'numerical', logEvery: 1 }, name: 'xor "quoted"', totalSteps: 3 })
  const records: StepRecord[] = [1, 2, 3].map((step) => ({
    step,
    // the run diverged at its last step, and failed there (engine-process/runner.ts)
    loss: step === 3 ? NaN : 1 / (step + 7),
    lr: step < 3 ? 0.1 : 0.3,
    params: { W1: m(1, 2, [step / 3, -step]), b1: m(1, 2, [0.1 * step, 1e-300]), W2: m(1, 2, [Math.E, step]), b2: m(1, 1, [-step / 7]) },
    grads: { dW1: m(1, 2, [1e-9, -2e-9]), db1: m(1, 2, [0, 0]), dW2: m(1, 2, [3, 4]), db2: m(1, 1, [5]) }
  }))
  s.append(id, records)
  s.setNote(id, 'a note\nwith a line break')
  s.finish(id, 'failed', 'loss became NaN at step 3', [0.01, 0.98, 0.97, 0.02])
  return id
}

function replayView(s: RunStore, id: number) {
  const { id: _id, imported: _imported, ...run } = s.getRun(id)!
  return { run, metrics: s.metrics(id), snapshots: [...s.snapshots(id)] }
}

const counts = (s: RunStore) => storeDb(s).prepare('SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM metrics) + (SELECT count(*) FROM snapshots) AS rows').get()

/** Edit a line of a file and re-sign it, as a careful forger would (the checksum is integrity, not authenticity). */
function resign(text: string, edit: (lines: Record<string, any>[]) => void): string {
  const lines = text.trimEnd().split('\n').slice(0, -1).map((l) => JSON.parse(l))
  edit(lines)
  return resignText(lines.map((l) => JSON.stringify(l) + '\n').join('') + '{}\n', () => {})
}

/** The same, editing the lines' text (what JSON.stringify cannot write, such as a key given twice). */
function resignText(text: string, edit: (lines: string[]) => void): string {
  const lines = text.trimEnd().split('\n').slice(0, -1)
  edit(lines)
  const body = lines.map((l) => l + '\n').join('')
  return body + JSON.stringify({ sha256: createHash('sha256').update(body).digest('hex') }) + '\n'
}

const f64 = (values: number[]) => Buffer.from(Float64Array.from(values).buffer).toString('base64')
const f32 = (values: number[]) => Buffer.from(Float32Array.from(values).buffer).toString('base64')

describe('run files', () => {
  it('imports into another database a run that replays identically, marked with where it came from', async () => {
    const a = store()
    const id = sourceRun(a)
    const file = await exportRunFile(a, id)
    expect(file.filename).toBe(`run-${id}.glrun`)
    // one line per part: header, one metrics chunk, three snapshots, the checksum
    expect(file.content.trimEnd().split('\n')).toHaveLength(6)
    const b = store()
    b.createRun({ config: { kind: 'gate', gate: 'OR', seed: 1, lr: 1, epochs: 1, h: 1e-5, gradient: 'backprop', logEvery: 1 }, totalSteps: 1, status: 'done' })
    const imported = await importRunText(b, file.content, 'from-a.glrun')
    expect(imported).toEqual({ runId: 2, duplicate: false })
    expect(replayView(b, 2)).toEqual(replayView(a, id))
    expect(b.getRun(2)!.imported).toMatchObject({ file: 'from-a.glrun', originalId: id })
    expect(Date.parse(b.getRun(2)!.imported!.at)).toBeGreaterThan(Date.parse(a.getRun(id)!.createdAt))
    expect(a.getRun(id)!.imported).toBe(null)
  })

  it('finds the twin of a run already in the library instead of adding it again', async () => {
    const a = store()
    const id = sourceRun(a)
    const content = (await exportRunFile(a, id)).content
    // in the library it was exported from, renamed since (the name is not the content)
    a.rename(id, 'renamed')
    expect(await importRunText(a, content)).toEqual({ runId: id, duplicate: true })
    // a run never exported has no hash stored yet: found all the same
    storeDb(a).prepare('UPDATE runs SET content_sha256 = NULL').run()
    expect(await importRunText(a, content)).toEqual({ runId: id, duplicate: true })
    // in another library: added once, then found
    const b = store()
    expect(await importRunText(b, content)).toEqual({ runId: 1, duplicate: false })
    expect(await importRunText(b, content)).toEqual({ runId: 1, duplicate: true })
    // and the re-exported copy is the same content
    expect(await importRunText(a, (await exportRunFile(b, 1)).content)).toEqual({ runId: id, duplicate: true })
    expect(counts(a)).toEqual({ runs: 1, rows: 6 })
  })

  it('judges twins on the whole content: files differing only in predictions or finishedAt are two runs', async () => {
    const a = store()
    const id = sourceRun(a)
    const content = (await exportRunFile(a, id)).content
    const b = store()
    expect(await importRunText(b, content)).toEqual({ runId: 1, duplicate: false })
    const otherPredictions = resign(content, ([header]) => (header.run.predictions = [0.02, 0.97, 0.98, 0.01]))
    expect(await importRunText(b, otherPredictions)).toEqual({ runId: 2, duplicate: false })
    const laterEnd = resign(content, ([header]) => (header.run.finishedAt = new Date(Date.parse(header.run.finishedAt) + 1000).toISOString()))
    expect(await importRunText(b, laterEnd)).toEqual({ runId: 3, duplicate: false })
    // the user's labels are not the content: renamed and annotated, it is still run 1
    const relabelled = resign(content, ([header]) => Object.assign(header.run, { name: 'another name', note: 'another note', id: 99 }))
    expect(await importRunText(b, relabelled)).toEqual({ runId: 1, duplicate: true })
    expect(b.listRuns().map((r) => b.getRun(r.id)!.predictions)).toEqual([[0.01, 0.98, 0.97, 0.02], [0.02, 0.97, 0.98, 0.01], [0.01, 0.98, 0.97, 0.02]])
  })

  it('imports one file at a time into a library', async () => {
    const a = store()
    const content = (await exportRunFile(a, sourceRun(a))).content
    const b = store()
    const first = importRunText(b, content)
    await expect(importRunText(b, content)).rejects.toThrow('Another run file is being imported; try again when it is done.')
    expect(await first).toEqual({ runId: 1, duplicate: false })
    expect(await importRunText(b, content)).toEqual({ runId: 1, duplicate: true })
  })

  it('refuses truncated, damaged and inconsistent files with the reason, and changes nothing', async () => {
    const a = store()
    const good = (await exportRunFile(a, sourceRun(a))).content
    const b = store()
    const header = (edit: (run: Record<string, any>, counts: Record<string, number>) => void) =>
      resign(good, (lines) => edit(lines[0].run, lines[0].counts))
    const attempts: [string, RegExp][] = [
      [good.slice(0, Math.floor(good.length * 0.7)), /line 4 is not JSON|ends before its checksum line: it may be truncated/],
      [good.slice(0, good.lastIndexOf('{"sha256"')), /ends before its checksum line: it may be truncated/],
      [good.replace('"status":"failed"', '"status":"interrupted"'), /checksum does not match its content/],
      [good + '\n{}\n', /comes after its checksum line/],
      [good.replace('"gradient-lab-run"', '"something-else"'), /not a Gradient Lab run file \(format must be "gradient-lab-run"\)/],
      [good.replace('"version":2', '"version":1'), /its version 1 is not supported \(this version reads 2\)/],
      ['x'.repeat(5 * 1024 * 1024), /line 1 is longer than any line of a run file can be/],
      [header((r) => (r.createdAt = '=1+1 not a date')), /line 1: run\.createdAt must be a date that exists, like 2026-01-31T12:00:00\.000Z \(got "=1\+1 not a date"\)/],
      [header((r) => (r.finishedAt = '2026-02-30T25:00:00Z')), /finishedAt must be a date/],
      [header((r) => (r.durationMs = -1e300)), /durationMs must be a number at least 0/],
      [header((r) => (r.config.h = -1)), /config\.h must be a number greater than 0/],
      [header((r) => (r.config.colour = 'red')), /unknown field run\.config\.colour/],
      [header((r) => (r.totalSteps = 4)), /run\.totalSteps 4 does not match its configuration \(3 steps\)/],
      [header((r) => (r.predictions = [1, 0.5])), /run\.predictions has 2 values; a xor2 run ends with 4/],
      [header((_, c) => (c.metrics = 2_000_000)), /claims 2000000 logged steps; a xor2 run of 3 steps logs at most 3/],
      [header((_, c) => (c.snapshots = 2)), /has more snapshots than the 2 its first line says/],
      [header((_, c) => (c.metrics = 2)), /more logged steps than the 2 its first line says/],
      [resign(good, (l) => ((l[1].metrics.step = f64([1, 3, 2])), (l[1].metrics.lr = f64([0.1, 0.3, 0.1])))), /metric steps are out of order \(3 then 2\)/],
      [resign(good, (l) => (l[1].metrics.step = f64([1, 2, 9]))), /has step 9; this run's steps are 1 to 3/],
      [resign(good, (l) => (l[1].metrics.step = f64([1, 2.5, 3]))), /has step 2\.5/],
      [resign(good, (l) => (l[1].metrics.loss = f64([1]))), /line 2 has 1 loss values for 3 steps/],
      [resign(good, (l) => (l[1].metrics.testAcc = f64([NaN, 1.5, NaN]))), /test accuracy 1\.5 at step 2 \(an accuracy is from 0 to 1\)/],
      [resign(good, (l) => (l[1].metrics.lr = f64([0.1, -0.1, 0.3]))), /learning rate -0\.1 at step 2/],
      [resign(good, (l) => (l[1].metrics.loss = 'not base64!')), /line 2 metrics\.loss is not base64 text/],
      [resign(good, (l) => (l[2].snapshot.params = f64([1, 2, 3]))), /line 3 snapshot\.params has 3 numbers; a xor2 run's W1 \(1x2\), b1 \(1x2\), W2 \(1x2\), b2 \(1x1\) are 7/],
      [resign(good, (l) => (l[3].snapshot.step = 1)), /snapshot steps are out of order \(1 then 1\)/],
      [resign(good, (l) => (l[2].snapshot.confusion = f64(Array(100).fill(1)))), /confusion matrix, which a xor2 run never has/],
      [resign(good, (l) => delete l[2].snapshot.params), /line 3 snapshot at step 1 has neither parameters nor a confusion matrix/],
      [resign(good, (l) => l.splice(2, 0, l[2])), /snapshot steps are out of order \(1 then 1\)/],
      [resign(good, (l) => l.push(l[1])), /metrics after snapshots/],
      [resign(good, (l) => (l[1] = { colour: 'red' })), /line 2 is "colour", not metrics, a snapshot or the checksum/],
      // values no run can hold: each names its line and the rule
      [resign(good, (l) => (l[1].metrics.loss = f64([-1, 0.1, NaN]))), /line 2 has loss -1 at step 1 \(a loss is never negative\)/],
      [resign(good, (l) => (l[1].metrics.loss = f64([1e308 * 10, 0.1, NaN]))), /line 2 has loss Infinity at step 1 \(a loss is a finite number; only a failed run's last step may hold NaN or Infinity\)/],
      [resign(good, (l) => (l[1].metrics.loss = f64([0.1, NaN, NaN]))), /line 2 has loss NaN at step 2 \(a loss is a finite number/],
      // NaN at the last step of a run that was stopped, not failed, is not how a run ends either
      [header((r) => (r.status = 'stopped')), /line 2 has loss NaN at step 3 \(a loss is a finite number; only a failed run's last step/],
      [resign(good, (l) => (l[1].metrics.lr = f64([0.1, 999, 0.3]))), /line 2 has learning rate 999 at step 2; its configuration trains step 2 with 0\.1/],
      [resign(good, (l) => (l[1].metrics.lr = f64([0.1, 0.1, 0.1]))), /line 2 has learning rate 0\.1 at step 3; its configuration trains step 3 with 0\.3/],
      [header((r) => (r.predictions = [5, -3, 1e300, 0.5])), /line 1: run\.predictions\[0\] must be a number at least 0 and at most 1 \(got 5\)/],
      [header((r) => (r.predictions = [0.5, -3, 0.5, 0.5])), /line 1: run\.predictions\[1\] must be a number at least 0 and at most 1 \(got -3\)/],
      [resign(good, (l) => (l[2].snapshot.params = f64([1, Infinity, 1, 1, 1, 1, 1]))), /line 3 snapshot\.params at step 1 holds Infinity \(number 2\); parameters and gradients are finite/],
      [resign(good, (l) => (l[3].snapshot.grads = f64([1, 1, 1, 1, 1, 1, NaN]))), /line 4 snapshot\.grads at step 2 holds NaN \(number 7\); parameters and gradients are finite/],
      [header((r) => (r.createdAt = '2026-02-30T10:00:00.000Z')), /line 1: run\.createdAt must be a date that exists, like 2026-01-31T12:00:00\.000Z \(got "2026-02-30T10:00:00\.000Z"\)/],
      [header((r) => (r.finishedAt = '2000-01-01T00:00:00.000Z')), /line 1 has run\.finishedAt 2000-01-01T00:00:00\.000Z before run\.createdAt .* \(a run ends after it starts\)/],
      [resignText(good, (l) => (l[0] = l[0].replace('"status":', '"status":"done","status":'))), /line 1 gives the key "status" twice \(each key once\)/],
      [resignText(good, (l) => (l[1] = l[1].replace('{"step":', '{"loss":"AAAAAAAA8D8=","step":'))), /line 2 gives the key "loss" twice \(each key once\)/]
    ]
    for (const [content, why] of attempts) {
      await expect(importRunText(b, content), String(why)).rejects.toThrow(why)
      await expect(importRunText(b, content)).rejects.toThrow(/Nothing was changed\.$/)
    }
    expect(counts(b)).toEqual({ runs: 0, rows: 0 })
  })

  it('refuses a file larger than its settings allow as soon as its first line is read', async () => {
    const a = store()
    const good = (await exportRunFile(a, sourceRun(a))).content
    // 3 epochs of xor2 cannot make 300 kB; the junk after the first line is never decoded
    const padded = good.replace('\n', '\n' + 'junk that is not JSON\n'.repeat(15_000))
    const b = store()
    await expect(importRunText(b, padded)).rejects.toThrow(/it is \d+ bytes, more than a run of its settings can take \(\d+ bytes\)/)
    expect(counts(b)).toEqual({ runs: 0, rows: 0 })
  })

  it('imports runs the engine really trained, MNIST in float32 with its confusion matrices, from a file on disk', async () => {
    const a = store()
    const gate = a.createRun({ config: { ...notebook.gate, epochs: 3 }, totalSteps: 3 })
    const t = createTrainer({ ...notebook.gate, epochs: 3 })
    a.append(gate, [t.step()!, t.step()!, t.step()!])
    a.finish(gate, 'done', null, t.result().predictions)
    const mnistConfig = { ...notebook.mnist, hidden: 3, iterations: 2 }
    const mnist = a.createRun({ config: mnistConfig, totalSteps: 2 })
    // MNIST weights are W1 784xH, b1 1xH, W2 Hx10, b2 1x10 with H = config.hidden
    const mat = (rows: number, cols: number, v: number) => ({ rows, cols, data: new Float64Array(rows * cols).fill(v) })
    // counts of the whole test set: 10 x 973 right, 90 x 3 wrong = 10,000
    const confusion = Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 973 : 3))
    a.append(mnist, [
      { step: 1, loss: 2.3, lr: 0.1, trainAcc: 0.5, testAcc: 0.25, confusion },
      { step: 2, loss: 2.2, lr: 0.1, params: { W1: mat(784, 3, 0.1), b1: mat(1, 3, 0.2), W2: mat(3, 10, 0.3), b2: mat(1, 10, 0.4) } }
    ])
    a.finish(mnist, 'done')
    const dir = tempDir()
    const b = store()
    for (const id of [gate, mnist]) {
      const path = join(dir, `run-${id}.glrun`)
      await writeRunFile(a, id, path)
      expect(readFileSync(path, 'utf8')).toBe((await exportRunFile(a, id)).content)
      const { runId } = await importRunPath(b, path)
      expect(replayView(b, runId)).toEqual(replayView(a, id))
      expect(b.getRun(runId)!.imported).toMatchObject({ file: `run-${id}.glrun`, originalId: id })
    }
    // float32 on the way: 0.1 is stored as float32's 0.1, not float64's
    expect(b.snapshot(2, 2)!.params!.b1.data[0]).toBe(Math.fround(0.2))
    const good = (await exportRunFile(a, mnist)).content
    const bad = resign(good, (l) => (l[0].run.config.hidden = 4))
    await expect(importRunText(b, bad)).rejects.toThrow(/snapshot\.params has 2395 numbers; a mnist run's W1 \(784x4\), b1 \(1x4\), W2 \(4x10\), b2 \(1x10\) are 3190/)
    const grads = resign(good, (l) => (l[3].snapshot.grads = f32([1])))
    await expect(importRunText(b, grads)).rejects.toThrow(/has gradients, which a mnist snapshot never has/)
  })

  it('refuses a FIFO or a folder instead of waiting for it to end', async () => {
    const dir = tempDir()
    const fifo = join(dir, 'pipe.glrun')
    execFileSync('mkfifo', [fifo])
    const b = store()
    // nothing ever writes to the pipe: reading it would wait for ever, and the test time out
    await expect(importRunPath(b, fifo)).rejects.toThrow(`This run file cannot be imported: ${fifo} is a FIFO (named pipe), not a regular file (only regular files are read). Nothing was changed.`)
    await expect(importRunPath(b, dir)).rejects.toThrow(`${dir} is a folder, not a regular file`)
    expect(counts(b)).toEqual({ runs: 0, rows: 0 })
  })
})
