// What is drawn over the map, in the map's own coordinates, and how an arrow is drawn.

export interface Point {
  x: number
  y: number
}

/** An arrow from (x, y) by (dx, dy), in data units. */
export interface Arrow extends Point {
  dx: number
  dy: number
}

/** A value marked on the colour key and drawn as a dashed contour (e.g. XOR's plateau at 2 log 2). */
export interface Mark {
  value: number
  label: string
}

/** A line from (x0, y0) to (x1, y1) in pixels with a head at its end, when it is long enough to show. */
export function drawArrow(
  ctx: CanvasRenderingContext2D,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: string,
  width: number
): void {
  const len = Math.hypot(x1 - x0, y1 - y0)
  if (!(len >= 1)) return
  const head = Math.min(8, len * 0.45) + width
  const a = Math.atan2(y1 - y0, x1 - x0)
  ctx.strokeStyle = color
  ctx.fillStyle = color
  ctx.lineWidth = width
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1 - Math.cos(a) * head * 0.6, y1 - Math.sin(a) * head * 0.6)
  ctx.stroke()
  ctx.beginPath()
  ctx.moveTo(x1, y1)
  ctx.lineTo(x1 - head * Math.cos(a - 0.45), y1 - head * Math.sin(a - 0.45))
  ctx.lineTo(x1 - head * Math.cos(a + 0.45), y1 - head * Math.sin(a + 0.45))
  ctx.closePath()
  ctx.fill()
}

export const inside = (p: Point, x: { lo: number; hi: number }, y: { lo: number; hi: number }): boolean =>
  p.x >= x.lo && p.x <= x.hi && p.y >= y.lo && p.y <= y.hi
