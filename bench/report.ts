// One bench measurement and the side-by-side table `npm run bench` prints.

export interface BenchRow {
  name: string
  /** Our time in milliseconds. */
  ours: number
  /** The reference's time in milliseconds, or null when it could not be measured. */
  reference: number | null
  note: string
}

const ms = (v: number): string => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`)

function ratio(row: BenchRow): string {
  if (row.reference === null) return '-'
  const r = row.ours / row.reference
  return r >= 0.01 ? `${r.toFixed(2)}x` : `1/${Math.round(1 / r)}x`
}

export function formatTable(rows: BenchRow[]): string {
  const table = [['benchmark', 'ours', 'reference', 'ours/ref', 'note']].concat(
    rows.map((r) => [r.name, ms(r.ours), r.reference === null ? '-' : ms(r.reference), ratio(r), r.note])
  )
  // the last column (the note) is left ragged
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)))
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n')
}
