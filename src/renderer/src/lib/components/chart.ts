// Chart.js with only the pieces our line charts use, registered once, and the pure part of a line
// chart: series to datasets, the axes fitted to the run, vertical markers. LineChart.svelte only
// mounts and redraws; this file is what the unit tests drive on real Chart.js.
import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type Plugin
} from 'chart.js'

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Decimation)

/** The app's font stack, Hangul included, so axis titles and legends in Korean are not boxes. */
const CHART_FONT = "'Lab Hangul', system-ui, -apple-system, 'Segoe UI', sans-serif"
Chart.defaults.font.family = CHART_FONT

export { Chart }

export interface Series {
  label: string
  xs: number[]
  ys: number[]
  color: string
  /** Points only (e.g. the notebook's printed values overlaid on a run). */
  scatter?: boolean
  dashed?: boolean
  /**
   * Someone else's numbers shown for comparison: drawn faint and under the run, cut to the run's
   * steps, and left out when the axes are fitted.
   */
  reference?: boolean
  /** Drawn faint but counted for the axes (a replay's whole run behind the part up to its step). */
  faint?: boolean
}

/** A vertical line at x with a short label on top (e.g. where the learning rate changes). */
export interface Marker {
  x: number
  label: string
}

export interface LineChartSpec {
  series: Series[]
  xLabel: string
  yLabel: string
  yMin?: number
  yMax?: number
  /** A logarithmic y axis (values ≤ 0 are left out). */
  logY?: boolean
  /** A logarithmic x axis, labelled at powers of ten (e.g. h from 1e-12 to 1e-1). */
  logX?: boolean
  /** Dashed vertical lines with a label, e.g. where the learning rate changes. */
  markers?: Marker[]
  /** The last step of the planned run: the x axis spans 0..xMax from the first point on. */
  xMax?: number
  /** A y range the axis covers whatever the data (a live chart's range so far, so it never shrinks). */
  yCover?: { min: number; max: number }
}

interface Point {
  x: number
  y: number
}

/** Finite points of a series, in step order (decimation and the log scale need both). */
function toPoints(s: Series, logY = false): Point[] {
  const n = Math.min(s.xs.length, s.ys.length)
  const out: Point[] = []
  for (let i = 0; i < n; i++) {
    const y = s.ys[i]
    if (Number.isFinite(y) && (!logY || y > 0)) out.push({ x: s.xs[i], y })
  }
  return out
}

/** Tick labels of a log axis: only the powers of ten, as 1e-4. */
const powerOfTen = (v: number | string): string => {
  const e = Math.log10(Number(v))
  return Math.abs(e - Math.round(e)) < 1e-9 ? `1e${Math.round(e)}` : ''
}

/** The x range the run's own series cover (references excluded), or null before any point. */
function runRange(series: Series[]): { min: number; max: number } | null {
  let min = Infinity
  let max = -Infinity
  for (const s of series) {
    if (s.reference) continue
    const n = Math.min(s.xs.length, s.ys.length)
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(s.ys[i])) continue
      min = Math.min(min, s.xs[i])
      max = Math.max(max, s.xs[i])
    }
  }
  return min <= max ? { min, max } : null
}

/** The y range of the run's own series (references excluded), or null before any point. */
export function yRange(series: Series[]): { min: number; max: number } | null {
  let min = Infinity
  let max = -Infinity
  for (const s of series) {
    if (s.reference) continue
    for (const y of s.ys) {
      if (!Number.isFinite(y)) continue
      min = Math.min(min, y)
      max = Math.max(max, y)
    }
  }
  return min <= max ? { min, max } : null
}

/** The smallest range holding both (either may be missing). */
export function union(a: { min: number; max: number } | null, b: { min: number; max: number } | null): { min: number; max: number } | null {
  if (!a || !b) return a ?? b
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) }
}

/**
 * x bounds: 0 to the planned run's end when known, else the run's steps; a single step gets an
 * axis from 0 (or one below it) up to it.
 */
export function xBounds(series: Series[], xMax?: number): { min?: number; max?: number } {
  if (xMax !== undefined && xMax > 0) return { min: 0, max: xMax }
  const r = runRange(series)
  if (!r) return {}
  if (r.min < r.max) return r
  return r.max > 0 ? { min: 0, max: r.max } : { min: r.max - 1, max: r.max + 1 }
}

/** y bounds when the run has a single distinct value: from 0 up, instead of ±5% around it. */
function yBounds(series: Series[], spec: LineChartSpec): { min?: number; max?: number } {
  if (spec.yMin !== undefined || spec.yMax !== undefined || spec.logY) return { min: spec.yMin, max: spec.yMax }
  const ys = series.filter((s) => !s.reference).flatMap((s) => s.ys.filter(Number.isFinite))
  if (ys.length === 0 || ys.some((y) => y !== ys[0])) return {}
  const v = ys[0]
  return v > 0 ? { min: 0, max: 2 * v } : v < 0 ? { min: 2 * v, max: 0 } : { min: -1, max: 1 }
}

export function datasets(spec: LineChartSpec) {
  const range = runRange(spec.series)
  return spec.series.flatMap((s) => {
    let data = toPoints(s, spec.logY)
    // a reference shows only where the run has been, so it cannot stretch the axes; one with no
    // point there is left out, legend entry included (it would name crosses the chart lacks)
    if (s.reference && range) data = data.filter((p) => p.x >= range.min && p.x <= range.max)
    if (s.reference && data.length === 0) return []
    const color = s.reference || s.faint ? `${s.color}${s.faint ? '55' : '80'}` : s.color
    return [
      {
        type: (s.scatter ? 'scatter' : 'line') as 'line',
        // a faint copy has no name of its own: left out of the legend and the tooltips
        label: s.faint ? '' : s.label,
        data,
        borderColor: color,
        backgroundColor: color,
        borderWidth: s.scatter ? 1 : 1.6,
        borderDash: s.dashed ? [5, 4] : [],
        // a line of one point draws nothing: show that point as a dot
        pointRadius: s.scatter ? 3 : data.length === 1 ? 3 : 0,
        pointStyle: s.scatter ? ('crossRot' as const) : ('circle' as const),
        showLine: !s.scatter,
        // higher order is drawn first: references under the run's own lines
        order: s.reference || s.faint ? 1 : 0
      }
    ]
  })
}

/** Scale options of both axes for the current spec (also applied on every redraw). */
export function scales(spec: LineChartSpec) {
  // labels never rotate and a few are measured, not all: sizing the tick labels of both axes
  // took up to 30 ms of an update under load
  const ticks = { autoSkip: false, maxRotation: 0, sampleSize: 3 }
  const log = { ...ticks, autoSkip: true, callback: powerOfTen }
  return {
    x: spec.logX
      ? { type: 'logarithmic' as const, title: { display: true, text: spec.xLabel }, ticks: log }
      : {
          type: 'linear' as const,
          title: { display: true, text: spec.xLabel },
          ticks: { precision: 0, ...ticks },
          ...xBounds(spec.series, spec.xMax)
        },
    y: {
      type: spec.logY ? ('logarithmic' as const) : ('linear' as const),
      title: { display: true, text: spec.yLabel },
      ticks: spec.logY ? log : ticks,
      ...yBounds(spec.series, spec),
      ...(spec.yCover && !spec.logY ? { suggestedMin: spec.yCover.min, suggestedMax: spec.yCover.max } : {})
    }
  }
}

/** Draws `markers()` as dashed vertical lines with their labels along the top of the plot. */
function markerPlugin(markers: () => Marker[]): Plugin<'line'> {
  return {
    id: 'labMarkers',
    afterDatasetsDraw(chart) {
      const list = markers()
      if (!list.length) return
      const { ctx, chartArea } = chart
      const x = chart.scales.x
      ctx.save()
      ctx.strokeStyle = '#6b7280'
      ctx.fillStyle = '#374151'
      ctx.setLineDash([4, 3])
      ctx.lineWidth = 1
      ctx.font = `11px ${CHART_FONT}`
      ctx.textBaseline = 'top'
      for (const m of list) {
        const px = x.getPixelForValue(m.x)
        if (px < chartArea.left || px > chartArea.right) continue
        ctx.beginPath()
        ctx.moveTo(px, chartArea.top)
        ctx.lineTo(px, chartArea.bottom)
        ctx.stroke()
        ctx.fillText(m.label, px + 3, chartArea.top + 2)
      }
      ctx.restore()
    }
  }
}

/** The whole Chart.js configuration of a line chart. */
export function lineChartConfig(spec: LineChartSpec, markers: () => Marker[] = () => spec.markers ?? []): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: { datasets: datasets(spec) },
    plugins: [markerPlugin(markers)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      // the last x tick label is centred on the plot's right edge: room for half of "60,000"
      layout: { padding: { right: 22 } },
      interaction: { mode: 'nearest', intersect: false },
      plugins: {
        // the step and the value to the last digit (the mouse, or ← → on the focused chart)
        tooltip: {
          filter: (item) => item.dataset.label !== '',
          callbacks: {
            title: (items) => (items.length ? `${spec.xLabel} ${items[0].parsed.x}` : ''),
            label: (item) => `${item.dataset.label ?? ''}: ${item.parsed.y}`
          }
        },
        legend: {
          display: spec.series.filter((s) => !s.faint).length > 1,
          labels: { boxWidth: 12, filter: (item) => item.text !== '' }
        },
        // Chart.js's own thinning: per pixel column it keeps the first, last, lowest and highest
        // point, so a one-step spike in a 60,000-step loss curve still shows
        decimation: { enabled: true, algorithm: 'min-max' }
      },
      scales: scales(spec)
    }
  }
}
