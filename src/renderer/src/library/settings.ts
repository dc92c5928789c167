// A run's settings as Compare lists them: labelled in the UI's language, values worded, and only
// the settings that apply to the run (its kind's descriptor says which: h means nothing to a
// backprop run, SimpleNet's lr nothing before a gradient step).
import type { RunConfig } from '../../../shared/config'
import type { RunDetail } from '../../../shared/api'
import { kindOf, scheduleText } from '../../../shared/kinds'
import { fieldLabel, valueLabel } from '../lib/i18n/kinds'
import { formatNumber, kindLabel, statusLabel } from './columns'
import { lt } from './strings'

/** Whether setting `key` changes what the run computed. */
export const applies = (c: RunConfig, key: string): boolean => key !== 'kind' && kindOf(c.kind).applies(c, key)

function value(c: RunConfig, key: string, v: unknown): string {
  const field = kindOf(c.kind).fields.find((f) => f.key === key)
  if (field?.text === 'schedule') return scheduleText(v as Parameters<typeof scheduleText>[0], 'ui')
  return valueLabel(c.kind, key, v)
}

export function settingRows(r: RunDetail): Record<string, string> {
  const status = statusLabel(r.status)
  const out: Record<string, string> = { [lt('lesson')]: kindLabel(r.kind), [lt('status')]: r.reason ? `${status}: ${r.reason}` : status }
  for (const [k, v] of Object.entries(r.config)) {
    if (!applies(r.config, k)) continue
    out[fieldLabel(r.kind, k)] = value(r.config, k, v)
  }
  out[lt('stepsStored')] = String(r.steps)
  out[lt('finalLoss')] = formatNumber(r.finalLoss, 8)
  if (r.finalTestAcc !== null) out[lt('finalTestAcc')] = formatNumber(r.finalTestAcc, 6)
  return out
}
