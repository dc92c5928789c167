// The landscape's colour scale: dark violet (low) through teal to yellow (high), after viridis,
// whose lightness grows steadily so the map reads in greyscale and to colour-blind eyes too.
const STOPS: [number, number, number][] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37]
]

/** rgb at position p (0..1) of the scale; a value that is not a number is grey. */
export function ramp(p: number): [number, number, number] {
  if (!Number.isFinite(p)) return [190, 190, 190]
  const x = Math.min(1, Math.max(0, p)) * (STOPS.length - 1)
  const i = Math.min(STOPS.length - 2, Math.floor(x))
  const k = x - i
  const [a, b] = [STOPS[i], STOPS[i + 1]]
  return [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * k)) as [number, number, number]
}

/** The scale as a CSS gradient, left (low) to right (high). */
export const rampCss = `linear-gradient(to right, ${STOPS.map((s) => `rgb(${s.join(' ')})`).join(', ')})`
