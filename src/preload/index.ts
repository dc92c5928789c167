// The preload: the renderer's only door to the main process. It exposes `window.lab` and nothing
// else (never ipcRenderer itself), so a compromised page can ask exactly what LabApi lets it ask.
//
// Shape agreed with the renderer's transport (src/renderer/src/lib/transport):
//   window.lab.host                      'electron'
//   window.lab.invoke(channel, request)  Promise<Envelope>  ({ ok: true, value } | { ok: false, error })
//                                        — the transport unwraps it and throws on { ok: false }.
//                                        An unknown channel resolves to { ok: false, error: { code: 'invalid' } }.
//   window.lab.on(event, listener)       returns an unsubscribe function; listener gets the event's payload.
//
// Sandboxed preloads cannot require npm packages; electron-vite bundles our own imports below,
// which come from src/shared only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isChannel, type ApiError, type Envelope, type EventName, type Events } from '../shared/api'
import { Emitters } from '../shared/emitter'
import { EVENT_CHANNEL, invokeChannel, type EventMessage } from '../shared/protocol'

const events = new Emitters<Events>()

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: EventMessage) => {
  events.fire(message.event, message.payload)
})

function rejected(message: string): Envelope<never> {
  const error: ApiError = { code: 'invalid', message }
  return { ok: false, error }
}

contextBridge.exposeInMainWorld('lab', {
  host: 'electron',
  invoke(channel: unknown, request: unknown): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) return Promise.resolve(rejected(`unknown channel ${JSON.stringify(channel)}`))
    return ipcRenderer.invoke(invokeChannel(channel), request)
  },
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('lab.on: listener must be a function')
    return events.on(event, listener)
  }
})
