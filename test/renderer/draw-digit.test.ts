// DrawDigit's preparation of a drawing (lessons/mnist/preprocess.ts) on hand-made 196x196 images
// whose 28x28 results are worked out by hand: the ink box scaled to fit 20x20 (here always a
// 40-pixel side, so k = 1/2 and every new pixel is the mean of a 2x2 block), placed in the middle,
// shifted to put the centre of mass at (13.5, 13.5), stored as float32(round(255 v) / 255).
import { describe, expect, it } from 'vitest'
import { toMnist } from '../../src/renderer/src/lessons/mnist/preprocess'

const SIZE = 196

/** A black RGBA image with the given rectangles [x, y, width, height] painted grey level v. */
function image(...rects: [number, number, number, number, number][]): Uint8ClampedArray {
  const data = new Uint8ClampedArray(4 * SIZE * SIZE)
  for (let i = 0; i < SIZE * SIZE; i++) data[4 * i + 3] = 255
  for (const [x0, y0, w, h, v] of rects) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data.set([v, v, v], 4 * (y * SIZE + x))
  }
  return data
}

/** The expected 28x28 image: value v on columns [c0, c1) of rows [r0, r1), 0 elsewhere. */
function expected(...blocks: [number, number, number, number, number][]): number[] {
  const out = new Array<number>(784).fill(0)
  for (const [c0, c1, r0, r1, v] of blocks) for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[r * 28 + c] = v
  return out
}

describe("DrawDigit's MNIST preparation", () => {
  it('gives null for an empty pad, and for one with only faint marks (red at most 20)', () => {
    expect(toMnist(image(), SIZE)).toBeNull()
    expect(toMnist(image([30, 30, 50, 50, 20]), SIZE)).toBeNull()
  })

  it('scales a 40x40 square to 20x20 in the middle: rows and columns 4 to 23 are 1', () => {
    const out = toMnist(image([10, 10, 40, 40, 255]), SIZE)!
    expect(Array.from(out)).toEqual(expected([4, 24, 4, 24, 1]))
  })

  it('keeps the aspect of a 10x40 bar: 5 columns wide from x = 11.5, its edge columns half covered', () => {
    // the bar is 5 target pixels wide, placed at (28 - 5) / 2 = 11.5: columns 11 and 16 are half ink;
    // its centre of mass is already 13.5, so nothing moves. float32(round(127.5) / 255) = float32(128 / 255).
    const half = Math.fround(128 / 255)
    const out = toMnist(image([100, 60, 10, 40, 255], [5, 150, 3, 3, 10]), SIZE)!
    expect(Array.from(out)).toEqual(expected([11, 12, 4, 24, half], [12, 16, 4, 24, 1], [16, 17, 4, 24, half]))
  })

  it('moves the ink by its centre of mass, dropping what leaves the image', () => {
    // a 10x40 strip on the left of a 40x40 box whose top-right 2x2 corner is inked too: scaled,
    // the strip fills columns 4-8 of rows 4-23 (mass 100) and the corner pixel (23, 4) (mass 1).
    // Mean column (30 * 20 + 23) / 101 = 6.17, so dx = round(13.5 - 6.17) = 7; mean row
    // (270 * 5 + 4) / 101 = 13.41, so dy = round(0.09) = 0. The strip lands on columns 11-15
    // and the corner at column 30, outside the image.
    const out = toMnist(image([60, 20, 10, 40, 255], [98, 20, 2, 2, 255]), SIZE)!
    expect(Array.from(out)).toEqual(expected([11, 16, 4, 24, 1]))
  })

  it('keeps grey levels and centres rows too: a 40x40 box, its top 2 rows ink, the rest grey 102', () => {
    // a 40x40 box with its top row of 2x2 blocks all ink and the rest at grey 102: each new pixel of
    // target row 4 is (2 * 255 + 2 * 255) / 4 = 255, the others 102 -> float32(102 / 255) = 0.4
    const out = toMnist(image([10, 10, 40, 2, 255], [10, 12, 40, 38, 102]), SIZE)!
    // centre of mass: row 4 has weight 1 per pixel, rows 5-23 0.4; mean row (4 + 0.4 * 19 * 14) / (1 + 0.4 * 19)
    // = (4 + 106.4) / 8.6 = 12.84, so dy = round(0.66) = 1: everything moves one row down
    expect(Array.from(out)).toEqual(expected([4, 24, 5, 6, 1], [4, 24, 6, 25, Math.fround(102 / 255)]))
  })
})
