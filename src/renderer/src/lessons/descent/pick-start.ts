// The live lesson lets the learner drag the start point on the map; the views (shared with the
// replay, which has no editor) find that ability in the component context, or do without it.
import { getContext, setContext } from 'svelte'

const KEY = Symbol('descent start picker')

export interface StartPicker {
  /** Dragging is offered only while no run is on screen. */
  readonly enabled: boolean
  pick(x0: number, x1: number): void
}

export const provideStartPicker = (picker: StartPicker): void => void setContext(KEY, picker)
export const startPicker = (): StartPicker | undefined => getContext<StartPicker | undefined>(KEY)
