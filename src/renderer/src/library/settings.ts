// A run's settings as Compare lists them: labelled in the UI's language, values worded, and only
// the settings that apply to the run (h means nothing to a backprop run, SimpleNet's lr nothing
// before a gradient step).
import type { RunConfig } from '../../../shared/config'
import type { RunDetail } from '../../../shared/api'
import { t } from '../lib/i18n/index.svelte'
import type { StringKey } from '../lib/i18n/strings'
import { formatNumber, kindLabel, statusLabel } from './columns'
import { lt } from './strings'

/** Whether setting `key` changes what the run computed. */
export function applies(c: RunConfig, key: string): boolean {
  if (key === 'h') return c.kind === 'simplenet' || c.gradient === 'numerical'
  // the thread count changes how fast, never what (src/services/threads)
  if (key === 'threads') return false
  if (c.kind === 'mnist' && key === 'evalEvery') return c.evalSchedule !== 'book'
  if (c.kind === 'simplenet' && key === 'lr') return (c.steps ?? 0) > 0
  return key !== 'kind'
}

const labels: Partial<Record<string, StringKey>> = {
  seed: 'seed',
  lr: 'lr',
  epochs: 'epochs',
  h: 'h',
  logEvery: 'logEvery',
  gate: 'gate',
  gradient: 'gradient',
  formulation: 'formulation',
  hidden: 'hidden',
  batch: 'batch',
  iterations: 'iterations',
  evalEvery: 'evalEvery',
  evalSchedule: 'evalSchedule',
  threads: 'threads',
  snapshotEvery: 'snapshotEvery',
  schedule: 'schedule',
  x: 'x',
  t: 't',
  W: 'Wcells',
  steps: 'stepsTakenLabel'
}

/** Values worded per setting where the same word means different things (SimpleNet's `book` loss, MNIST's `book` schedule). */
const worded: Partial<Record<string, Record<string, StringKey>>> = {
  evalSchedule: { every: 'scheduleEvery', book: 'scheduleBook' }
}
const simplenetLoss: Record<string, StringKey> = { notebook: 'lossNotebook', book: 'lossBook' }

function value(key: string, v: unknown, kind: RunConfig['kind']): string {
  const words = kind === 'simplenet' && key === 'formulation' ? simplenetLoss : worded[key]
  if (words && typeof v === 'string' && words[v]) return t(words[v])
  if (key === 'schedule' && Array.isArray(v)) return (v as { lr: number; epochs: number }[]).map((s) => `${s.lr}×${s.epochs}`).join(' → ')
  if ((key === 'gradient' || key === 'formulation') && typeof v === 'string') return t(v as StringKey)
  return Array.isArray(v) ? v.join(', ') : String(v)
}

export function settingRows(r: RunDetail): Record<string, string> {
  const status = statusLabel(r.status)
  const out: Record<string, string> = { [lt('lesson')]: kindLabel(r.kind), [lt('status')]: r.reason ? `${status}: ${r.reason}` : status }
  for (const [k, v] of Object.entries(r.config)) {
    if (!applies(r.config, k)) continue
    const label = labels[k]
    out[label ? t(label) : k] = value(k, v, r.config.kind)
  }
  out[lt('stepsStored')] = String(r.steps)
  out[lt('finalLoss')] = formatNumber(r.finalLoss, 8)
  if (r.finalTestAcc !== null) out[lt('finalTestAcc')] = formatNumber(r.finalTestAcc, 6)
  return out
}
