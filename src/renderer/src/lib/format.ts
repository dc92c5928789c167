// Number and time formatting shared by every view.
import { t } from './i18n/index.svelte'

/** Fixed decimals, with NaN/Infinity spelled out and -0 shown as 0. */
export function fixed(v: number | null | undefined, digits: number): string {
  if (v == null) return '–'
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞'
  const s = v.toFixed(digits)
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s
}

/** Short number for summaries and axes: 4 significant digits, exponent form when tiny or huge. */
export function short(v: number): string {
  if (!Number.isFinite(v)) return fixed(v, 0)
  const a = Math.abs(v)
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2)
  return String(Number(v.toPrecision(4)))
}

export function duration(seconds: number | null): string {
  if (seconds == null || !Number.isFinite(seconds)) return '–'
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return t('durationS', { s })
  const m = Math.floor(s / 60)
  if (m < 60) return t('durationM', { m, s: s % 60 })
  return t('durationH', { h: Math.floor(m / 60), m: m % 60 })
}

export function percent(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '–'
}
