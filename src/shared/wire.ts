// Conversions between the engine's Float64Array matrices and their plain-array wire form.
import type { Matrix, Params, StepRecord } from '../engine/types'
import type { WireMatrix, WireParams, WireStepRecord } from './api'

const toWireMatrix = (m: Matrix): WireMatrix => ({ rows: m.rows, cols: m.cols, data: Array.from(m.data) })
const fromWireMatrix = (m: WireMatrix): Matrix => ({ rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) })

function mapParams<A, B>(p: Record<string, A>, f: (m: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(p).map(([k, m]) => [k, f(m)]))
}

export const toWireParams = (p: Params): WireParams => mapParams(p, toWireMatrix)
export const fromWireParams = (p: WireParams): Params => mapParams(p, fromWireMatrix)

export function toWireRecord(r: StepRecord): WireStepRecord {
  const { params, grads, ...rest } = r
  return {
    ...rest,
    ...(params ? { params: toWireParams(params) } : {}),
    ...(grads ? { grads: toWireParams(grads) } : {})
  }
}
