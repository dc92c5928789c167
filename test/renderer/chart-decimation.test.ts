// Chart.js's own min-max decimation, as the lessons' line chart configures it, run on a 60,000-step
// loss curve with a one-step spike: the spike must be among the points drawn.
import { BasicPlatform } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { Chart, lineChartConfig } from '../../src/renderer/src/lib/components/chart'

/** A 2D context that measures text at 6 px a character and draws nothing: layout and decimation run for real. */
type Canvas = ConstructorParameters<typeof Chart>[0]

function canvas(width: number, height: number): Canvas {
  const ctx: Record<string | symbol, unknown> = {}
  const context = new Proxy(ctx, {
    get(target, key) {
      if (key in target) return target[key]
      if (key === 'measureText') return (text: string) => ({ width: 6 * String(text).length })
      return () => undefined
    },
    set(target, key, value) {
      target[key] = value
      return true
    }
  })
  const el = { width, height, style: {}, getContext: () => context } as unknown as Canvas
  ctx.canvas = el
  return el
}

describe('line chart decimation', () => {
  it('keeps a single-point spike of a 60,000-point series', () => {
    const n = 60_000
    const xs = Array.from({ length: n }, (_, i) => i + 1)
    // a smooth, slowly falling loss with one step far above it
    const ys = xs.map((x) => 2.3 * Math.exp(-x / 20_000) + 0.01 * Math.sin(x / 50))
    const spikeAt = 31_337
    ys[spikeAt] = 50
    const config = lineChartConfig({ series: [{ label: 'loss', xs, ys, color: '#000' }], xLabel: 'iteration', yLabel: 'loss' })
    config.platform = BasicPlatform
    config.options!.responsive = false
    const chart = new Chart(canvas(600, 220), config)
    try {
      const drawn = chart.data.datasets[0].data as { x: number; y: number }[]
      // decimated: far fewer points than the series has
      expect(drawn.length).toBeLessThan(n / 10)
      expect(drawn.length).toBeGreaterThan(100)
      // min-max keeps the spike's value, drawn at its pixel column (x is the column's mean step)
      const spike = drawn.filter((p) => p.y === 50)
      expect(spike).toHaveLength(1)
      const column = n / chart.width
      expect(Math.abs(spike[0].x - (spikeAt + 1))).toBeLessThan(column)
      // and the y axis reaches it
      expect(chart.scales.y.max).toBeGreaterThanOrEqual(50)
    } finally {
      chart.destroy()
    }
  })
})
