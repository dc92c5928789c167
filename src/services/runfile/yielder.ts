// Long reads and writes of run files share the host's event loop with every client and
// training run: they give it back every YIELD_MS, so nothing waits longer than that for them.
const YIELD_MS = 20

/** Returns a function to await between pieces of work: it yields once YIELD_MS have passed. */
export function yielder(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < YIELD_MS) return
    await new Promise((r) => setImmediate(r))
    since = performance.now()
  }
}
