// Redraws of live views (charts, weight pictures) coalesced: the latest request runs on the next
// animation frame, and no sooner than `interval` ms after the previous redraw, so a stream of
// training updates costs a few redraws a second instead of one per message.
export interface Redraw {
  schedule(draw: () => void): void
  cancel(): void
}

export function throttledRedraw(interval: number): Redraw {
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let drawnAt = -Infinity
  const cancel = (): void => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
  return {
    schedule(draw) {
      cancel()
      const onFrame = (): void => {
        frame = requestAnimationFrame((now) => {
          drawnAt = now
          draw()
        })
      }
      const wait = drawnAt + interval - performance.now()
      if (wait > 0) timer = setTimeout(onFrame, wait)
      else onFrame()
    },
    cancel
  }
}
