// Clients served in turn: each client's calls wait in its own queue, and the host starts one
// call from each waiting client in turn, yielding to the event loop between rounds after a few
// milliseconds, so that a client which floods the host with calls delays another's call by one
// of its own, never by its whole backlog (README: Stop is answered within a second).

/** A round of calls runs this long at most before the event loop reads sockets again. */
const TURN_MS = 5

export interface Queue {
  readonly calls: (() => void)[]
}

export class Turns {
  /** The queues with calls waiting, in the order they are served. */
  private readonly waiting = new Set<Queue>()
  private scheduled = false

  queue(): Queue {
    return { calls: [] }
  }

  add(q: Queue, call: () => void): void {
    q.calls.push(call)
    this.waiting.add(q)
    this.schedule()
  }

  /** A client gone: its waiting calls are dropped. */
  drop(q: Queue): void {
    q.calls.length = 0
    this.waiting.delete(q)
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.round())
  }

  private round(): void {
    this.scheduled = false
    const t0 = performance.now()
    while (this.waiting.size > 0 && performance.now() - t0 < TURN_MS) {
      for (const q of [...this.waiting]) {
        const call = q.calls.shift()
        if (q.calls.length === 0) this.waiting.delete(q)
        call?.()
      }
    }
    if (this.waiting.size > 0) this.schedule()
  }
}
