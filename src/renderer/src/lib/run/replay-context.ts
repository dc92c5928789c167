// Whether a view is drawn inside a replay: an empty view there means "nothing stored at this
// step", not "train to see this" (the run was trained; its early steps just carry no snapshot).
import { getContext, setContext } from 'svelte'

const KEY = Symbol('replay')

/** Called by the replay during its setup: every view below it reads inReplay() as true. */
export function markReplay(): void {
  setContext(KEY, true)
}

export function inReplay(): boolean {
  return getContext<boolean | undefined>(KEY) ?? false
}
