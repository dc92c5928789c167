// IPC names shared by main and the preload (plain data, no Electron import, so the
// sandboxed preload bundle stays small).
import type { Channel, EventName, Events } from '../shared/api'

/** Main pushes every LabApi event on this one channel. */
export const EVENT_CHANNEL = 'lab:event'

export interface EventMessage<E extends EventName = EventName> {
  event: E
  payload: Events[E]
}

/** `runs:start` travels as `lab:runs:start`, so our handlers never clash with Electron's own. */
export const invokeChannel = (channel: Channel): string => `lab:${channel}`
