// Number and time formatting shared by every view.

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
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${s % 60} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

export function percent(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '–'
}
