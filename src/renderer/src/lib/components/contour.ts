// Where a map crosses a level (the decision boundary: output 0.5), as line segments, by marching
// squares over the grid: in each cell, the points where an edge crosses the level (linearly
// interpolated) are joined in pairs.

/** A segment between two points in grid units: x = column, y = row (row 0 at the bottom). */
export type Segment = [number, number, number, number]

export function contour(values: ArrayLike<number>, n: number, level: number): Segment[] {
  const out: Segment[] = []
  const at = (c: number, r: number): number => values[r * n + c]
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      // the cell's corners counter-clockwise from the bottom left, and its edges between them
      const corners: [number, number][] = [
        [c, r],
        [c + 1, r],
        [c + 1, r + 1],
        [c, r + 1]
      ]
      const points: number[] = []
      for (let e = 0; e < 4; e++) {
        const [x0, y0] = corners[e]
        const [x1, y1] = corners[(e + 1) % 4]
        const a = at(x0, y0) - level
        const b = at(x1, y1) - level
        if (a < 0 === b < 0) continue
        const f = a / (a - b)
        points.push(x0 + f * (x1 - x0), y0 + f * (y1 - y0))
      }
      for (let i = 0; i + 3 < points.length; i += 4) out.push([points[i], points[i + 1], points[i + 2], points[i + 3]])
    }
  }
  return out
}
