// A drawn digit prepared the way MNIST's digits were: the ink's bounding box scaled, keeping its
// aspect, to fit a 20x20 box (each new pixel the mean of the area it covers, so strokes stay
// anti-aliased), placed in the middle of a 28x28 image, then shifted so the centre of mass sits
// at the image centre. Pure, so that it is tested without a canvas (test/renderer/draw-digit.test.ts).

/** The red channel must exceed this (of 255) to count as ink when finding the bounding box. */
const INK = 20
const GRID = 28
const BOX = 20

/**
 * The 784 pixels, row by row, as float32(v/255) like the data set's, from a size x size RGBA
 * image (white ink on black; only the red channel is read); null when nothing is drawn.
 */
export function toMnist(rgba: ArrayLike<number>, size: number): Float64Array | null {
  const red = (x: number, y: number): number => rgba[4 * (y * size + x)]
  let x0 = size
  let y0 = size
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (red(x, y) > INK) {
        x0 = Math.min(x0, x)
        x1 = Math.max(x1, x)
        y0 = Math.min(y0, y)
        y1 = Math.max(y1, y)
      }
    }
  }
  if (x1 < 0) return null
  const w = x1 - x0 + 1
  const h = y1 - y0 + 1
  const k = BOX / Math.max(w, h)
  const columns = coverage(w, k, (GRID - w * k) / 2)
  const rows = coverage(h, k, (GRID - h * k) / 2)
  const scaled = new Float64Array(GRID * GRID)
  for (let ty = 0; ty < GRID; ty++) {
    for (let tx = 0; tx < GRID; tx++) {
      let v = 0
      for (const [sy, wy] of rows[ty]) for (const [sx, wx] of columns[tx]) v += wy * wx * red(x0 + sx, y0 + sy)
      scaled[ty * GRID + tx] = v / 255
    }
  }
  return quantise(centred(scaled))
}

/**
 * For each of the 28 target pixels along one axis, the source pixels (0..n-1 of the ink box) it
 * covers once the box is scaled by k and placed at offset, each with the share of the target
 * pixel it fills (the shares of a pixel wholly inside the placed box add up to 1).
 */
function coverage(n: number, k: number, offset: number): [number, number][][] {
  const out: [number, number][][] = []
  for (let t = 0; t < GRID; t++) {
    const lo = Math.max(0, (t - offset) / k)
    const hi = Math.min(n, (t + 1 - offset) / k)
    const parts: [number, number][] = []
    for (let s = Math.floor(lo); s < hi; s++) {
      const share = (Math.min(s + 1, hi) - Math.max(s, lo)) * k
      if (share > 0) parts.push([s, share])
    }
    out.push(parts)
  }
  return out
}

/** The image moved by whole pixels so its centre of mass is nearest (13.5, 13.5); what leaves is dropped. */
function centred(image: Float64Array): Float64Array {
  let mass = 0
  let mx = 0
  let my = 0
  for (let i = 0; i < image.length; i++) {
    mass += image[i]
    mx += (i % GRID) * image[i]
    my += Math.floor(i / GRID) * image[i]
  }
  const dx = Math.round((GRID - 1) / 2 - mx / mass)
  const dy = Math.round((GRID - 1) / 2 - my / mass)
  const shifted = new Float64Array(GRID * GRID)
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const sx = x - dx
      const sy = y - dy
      if (sx >= 0 && sx < GRID && sy >= 0 && sy < GRID) shifted[y * GRID + x] = image[sy * GRID + sx]
    }
  }
  return shifted
}

/** MNIST's pixels are bytes, read as float32(byte/255). */
const quantise = (image: Float64Array): Float64Array => image.map((v) => Math.fround(Math.round(v * 255) / 255))
