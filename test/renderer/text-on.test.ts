// Text on a coloured cell (weights, predictions) is readable on every colour of the scales: WCAG AA
// asks a contrast ratio of at least 4.5:1, computed here from the WCAG 2 formula by hand.
import { describe, expect, it } from 'vitest'
import { diverging, textOn } from '../../src/renderer/src/lib/color'

const luminance = (hex: string): number => {
  const c = [1, 3, 5].map((i) => parseInt(hex.length === 4 ? hex[(i + 1) / 2].repeat(2) : hex.slice(i, i + 2), 16))
  return lum(c as [number, number, number])
}
function lum(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const ratio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)

describe('textOn', () => {
  it('picks white on the saturated ends and black on white', () => {
    expect(textOn([37, 99, 235])).toBe('#fff')
    expect(textOn([255, 255, 255])).toBe('#000')
  })
  it('reaches 4.5:1 on every colour of the diverging scale', () => {
    for (let v = -1; v <= 1; v += 0.01) {
      const bg = diverging(v, 1)
      expect(ratio(lum(bg), luminance(textOn(bg))), `at ${v.toFixed(2)}: rgb(${bg})`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
