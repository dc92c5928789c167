// SimpleNet (4.4.2) as a run's records: step 0 is the starting point, then one record per
// gradient-descent step, the last with W and dW. It is instant, so it is computed, not trained.
import { simpleNet } from './simplenet'
import type { Matrix, SimpleNetInput, StepRecord } from './types'

const rows = (W: number[][]): Matrix => ({ rows: W.length, cols: W[0].length, data: Float64Array.from(W.flat()) })

export function simpleNetRecords(config: SimpleNetInput): { records: StepRecord[]; predictions: number[] } {
  const start = simpleNet({ ...config, steps: 0 })
  const records: StepRecord[] = [{ step: 0, loss: start.loss, lr: config.lr, params: { W: rows(start.W) }, grads: { dW: rows(start.dW) } }]
  if (config.steps === 0) return { records, predictions: start.y }
  const end = simpleNet(config)
  const history = end.history ?? []
  history.forEach((loss, i) => records.push({ step: i + 1, loss, lr: config.lr }))
  Object.assign(records[records.length - 1], { params: { W: rows(end.W) }, grads: { dW: rows(end.dW) } })
  return { records, predictions: end.y }
}
