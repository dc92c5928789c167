// SimpleNet (4.4.2) is instant, so its runs are computed in-process: step 0 is the
// starting point, then one record per gradient-descent step, the last with W and dW.
import { simpleNet } from '../engine/simplenet'
import type { Matrix, StepRecord } from '../engine/types'
import type { SimpleNetConfig } from '../shared/config'
import { totalSteps } from '../shared/total-steps'
import type { RunStore } from './store/run-store'

const rows = (W: number[][]): Matrix => ({ rows: W.length, cols: W[0].length, data: Float64Array.from(W.flat()) })

export function simpleNetRecords(config: SimpleNetConfig): { records: StepRecord[]; predictions: number[] } {
  const start = simpleNet({ ...config, steps: 0 })
  const records: StepRecord[] = [{ step: 0, loss: start.loss, lr: config.lr, params: { W: rows(start.W) }, grads: { dW: rows(start.dW) } }]
  if (config.steps === 0) return { records, predictions: start.y }
  const end = simpleNet(config)
  const history = end.history ?? []
  history.forEach((loss, i) => records.push({ step: i + 1, loss, lr: config.lr }))
  Object.assign(records[records.length - 1], { params: { W: rows(end.W) }, grads: { dW: rows(end.dW) } })
  return { records, predictions: end.y }
}

/**
 * Computes and stores a SimpleNet run, the same from the app and from `lab simplenet`: in one
 * transaction, so the run is there whole (done) or not at all; nothing trains long enough to own it.
 */
export function storeSimpleNetRun(store: RunStore, config: SimpleNetConfig, name?: string): { runId: number; records: StepRecord[]; predictions: number[] } {
  const { records, predictions } = simpleNetRecords(config)
  const runId = store.addFinishedRun({ config, name, totalSteps: totalSteps(config) }, records, predictions)
  return { runId, records, predictions }
}
