// Typed events, one implementation for every side: an Emitter fires values of one type to its
// subscribers; Emitters keeps one per event name of a map such as LabApi's Events.

/** Subscribe a listener; the returned function unsubscribes it. */
export type Event<T> = (listener: (value: T) => void) => () => void

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>()

  readonly event: Event<T> = (listener) => {
    // a wrapper per subscription, so subscribing one function twice needs two unsubscribes
    const entry = (value: T): void => listener(value)
    this.listeners.add(entry)
    return () => {
      this.listeners.delete(entry)
    }
  }

  /**
   * Calls every listener subscribed when firing starts. A listener that throws does not keep the
   * value from the others: the first error is rethrown once all have been called.
   */
  fire(value: T): void {
    let failure: { error: unknown } | null = null
    for (const listener of [...this.listeners]) {
      try {
        listener(value)
      } catch (error) {
        failure ??= { error }
      }
    }
    if (failure) throw failure.error
  }
}

/** One Emitter per event name of the map M ({ name: payload type }). */
export class Emitters<M> {
  // one Emitter<M[K]> under each name K (a Map cannot say so in its type)
  private readonly emitters = new Map<keyof M, unknown>()

  private emitter<K extends keyof M>(name: K): Emitter<M[K]> {
    let e = this.emitters.get(name) as Emitter<M[K]> | undefined
    if (!e) {
      e = new Emitter<M[K]>()
      this.emitters.set(name, e)
    }
    return e
  }

  on<K extends keyof M>(name: K, listener: (value: M[K]) => void): () => void {
    return this.emitter(name).event(listener)
  }

  fire<K extends keyof M>(name: K, value: M[K]): void {
    ;(this.emitters.get(name) as Emitter<M[K]> | undefined)?.fire(value)
  }
}
