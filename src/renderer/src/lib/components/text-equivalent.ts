// What a canvas shows, said in words for a screen reader (its accessible name carries it): a
// chart's last value and its range per series, a map's output at each of its points.

/** `{series}: last y at x, from min to max`, one per series with points; null when none has any. */
export function chartSummary(
  series: { label: string; xs: number[]; ys: number[] }[],
  word: (s: { series: string; x: string; y: string; min: string; max: string }) => string,
  format: (v: number) => string = (v) => String(Number(v.toPrecision(6)))
): string | null {
  const parts = series.flatMap((s) => {
    const finite = s.ys.map((y, i) => [s.xs[i], y] as const).filter(([, y]) => Number.isFinite(y))
    if (!finite.length) return []
    const [x, y] = finite[finite.length - 1]
    const ys = finite.map(([, v]) => v)
    return [word({ series: s.label, x: String(x), y: format(y), min: format(Math.min(...ys)), max: format(Math.max(...ys)) })]
  })
  return parts.length ? parts.join('; ') : null
}

/** The map's value nearest each point: values hold n×n outputs, row 0 at x₂ = lo, column 0 at x₁ = lo. */
export function mapSummary(
  values: ArrayLike<number>,
  n: number,
  lo: number,
  hi: number,
  points: { x1: number; x2: number }[],
  word: (p: { x1: number; x2: number; y: string }) => string
): string {
  const cell = (v: number): number => Math.max(0, Math.min(n - 1, Math.round(((v - lo) / (hi - lo)) * (n - 1))))
  return points.map((p) => word({ x1: p.x1, x2: p.x2, y: values[cell(p.x2) * n + cell(p.x1)].toFixed(2) })).join('; ')
}
