// Colour scales: diverging (blue < 0 < red) for weights and gradients, sequential for probabilities.

/** rgb of v on a blue-white-red scale where ±maxAbs are the saturated ends. */
export function diverging(v: number, maxAbs: number): [number, number, number] {
  if (!Number.isFinite(v)) return [200, 200, 200]
  const a = maxAbs > 0 ? Math.max(-1, Math.min(1, v / maxAbs)) : 0
  // white (255,255,255) to blue (37,99,235) or red (220,38,38)
  const end: [number, number, number] = a < 0 ? [37, 99, 235] : [220, 38, 38]
  const k = Math.abs(a)
  return [255 + (end[0] - 255) * k, 255 + (end[1] - 255) * k, 255 + (end[2] - 255) * k].map(Math.round) as [
    number,
    number,
    number
  ]
}

/** 0..1 from blue through white (0.5, the decision threshold) to red: outputs and probabilities. */
export function sequential(v: number): [number, number, number] {
  return diverging((Number.isFinite(v) ? v : 0.5) - 0.5, 0.5)
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i])
    if (a > m && Number.isFinite(a)) m = a
  }
  return m
}

/** Dark text on light cells, white on saturated ones. */
export function textOn([r, g, b]: [number, number, number]): string {
  return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? '#fff' : '#111'
}
