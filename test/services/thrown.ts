/** What `f` throws, so that a test can word-check a real failure; a call that does not fail fails the test. */
export function thrown(f: () => unknown): unknown {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error('expected a failure')
}
