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
export function textOn(rgb: [number, number, number]): string {
  // WCAG 2 relative luminance; whichever of white and black has the higher contrast ratio. With
  // pure black the worse of the two is never below 4.58:1 on any background (AA asks 4.5:1).
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  const L = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (L + 0.05) > (L + 0.05) / 0.05 ? '#fff' : '#000'
}
