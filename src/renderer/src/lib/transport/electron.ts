// LabApi over the Electron preload's `window.lab`, which answers every invoke with an Envelope
// (src/preload/index.ts); errors in the envelope become thrown Errors here.
import type { Envelope, EventName, Events, LabApi } from '../../../../shared/api'
import { unwrap } from './envelope'

export interface PreloadLab {
  host: 'electron'
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>
  on(event: string, listener: (payload: unknown) => void): () => void
}

export function electronApi(lab: PreloadLab): LabApi {
  return {
    host: 'electron',
    invoke: async (channel, request) => unwrap(await lab.invoke(channel, request)) as never,
    on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) =>
      lab.on(event, (payload) => listener(payload as Events[E]))
  }
}
