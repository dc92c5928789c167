// ipcMain <-> LabService. One handler per LabApi channel; a request is served only when it comes
// from our window's top frame showing our renderer, and the service validates every payload.
// 'files:save' is the one channel main answers itself (a native Save dialog).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { channels, requests, type ApiError, type Channel, type Envelope, type EventName, type Events } from '../shared/api'
import { ValidationError } from '../shared/schema'
import { saveFile } from './dialogs'
import { EVENT_CHANNEL, invokeChannel, type EventMessage } from '../shared/protocol'
import { isOurRenderer } from './window'

/** The part of LabService that main uses. */
export interface Service {
  handle(channel: string, payload: unknown): Promise<Envelope<unknown>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

const failure = (code: ApiError['code'], message: string): Envelope<never> => ({ ok: false, error: { code, message } })

/** Stands in for the service when it could not start: every request gets the reason. */
export function unavailable(reason: string): Service {
  return {
    handle: async () => failure('internal', reason),
    on: () => () => undefined
  }
}

async function saveFromRenderer(win: BrowserWindow, payload: unknown): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await saveFile(win, requests['files:save'](payload, 'request')) }
  } catch (e) {
    if (e instanceof ValidationError) return failure('invalid', e.message)
    return failure('internal', `Could not save the file: ${(e as Error).message}`)
  }
}

/** Registers the handlers and forwards service events to the window. */
export function connectIpc(service: Service, getWindow: () => BrowserWindow | null): void {
  const serve = async (channel: Channel, event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
    const win = getWindow()
    if (!win || event.sender !== win.webContents || !isOurRenderer(win, event.senderFrame)) {
      return failure('invalid', 'request refused: it did not come from the Gradient Lab window')
    }
    if (channel === 'files:save') return saveFromRenderer(win, payload)
    try {
      return await service.handle(channel, payload)
    } catch (e) {
      return failure('internal', (e as Error).message)
    }
  }
  for (const channel of channels) ipcMain.handle(invokeChannel(channel), (event, payload) => serve(channel, event, payload))

  service.on('run:progress', (payload) => {
    const win = getWindow()
    if (!win || win.isDestroyed()) return
    const message: EventMessage<'run:progress'> = { event: 'run:progress', payload }
    win.webContents.send(EVENT_CHANNEL, message)
  })
}
