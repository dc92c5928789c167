// Redraws of live views (charts, weight pictures) coalesced: each view's latest request runs no
// sooner than `interval` ms after its previous redraw, so a stream of training updates costs a
// few redraws a second instead of one per message. The views also take turns, one redraw per
// animation frame: two charts and the W1 pictures due together would otherwise make one long
// frame (the renderer's 50 ms budget, docs/architecture.md).
export interface Redraw {
  schedule(draw: () => void): void
  cancel(): void
}

/** Views waiting for a frame of their own, oldest first. */
const turns: (() => void)[] = []
let frame = 0

function nextTurn(): void {
  frame = 0
  turns.shift()?.()
  if (turns.length > 0) frame = requestAnimationFrame(nextTurn)
}

function takeTurn(run: () => void): void {
  turns.push(run)
  if (!frame) frame = requestAnimationFrame(nextTurn)
}

export function throttledRedraw(interval: number): Redraw {
  let pending: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let queued = false
  let drawnAt = -Infinity
  const run = (): void => {
    queued = false
    const draw = pending
    pending = null
    if (!draw) return
    drawnAt = performance.now()
    draw()
  }
  const enqueue = (): void => {
    timer = undefined
    if (queued) return
    queued = true
    takeTurn(run)
  }
  return {
    schedule(draw) {
      // the newest request replaces one still waiting: only the latest picture matters
      pending = draw
      if (queued || timer !== undefined) return
      const wait = drawnAt + interval - performance.now()
      if (wait > 0) timer = setTimeout(enqueue, wait)
      else enqueue()
    },
    cancel() {
      pending = null
      clearTimeout(timer)
      timer = undefined
      const i = turns.indexOf(run)
      if (i >= 0) turns.splice(i, 1)
      queued = false
    }
  }
}
