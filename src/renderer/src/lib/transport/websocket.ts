// LabApi over the browser host's WebSocket (messages in src/shared/protocol.ts): calls
// { id, channel, payload } are answered by { id, ok, value | error }; pushes arrive as
// { event, payload }. A message of the wrong shape is dropped with a console error. On a drop
// every pending call fails (the caller shows it) and we reconnect with backoff while the banner
// says so.
import type { EventName, Events, LabApi } from '../../../../shared/api'
import { Emitters } from '../../../../shared/emitter'
import { unpackProgress } from '../../../../shared/packed'
import { parseServerMessage, type CallMessage } from '../../../../shared/protocol'
import { connection } from './connection.svelte'
import { LabError, unwrap } from './envelope'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function websocketApi(url: string): LabApi {
  let socket: WebSocket | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()
  const events = new Emitters<Events>()
  let opened: Promise<WebSocket>
  /** Why the host refused a message unread (src/server/limits.ts); it closes the socket next, failing the calls with this. */
  let refusal: LabError | null = null

  function connect(): Promise<WebSocket> {
    connection.state = connection.attempt === 0 ? 'connecting' : 'lost'
    const ws = new WebSocket(url)
    socket = ws
    opened = new Promise((resolve, reject) => {
      ws.addEventListener('open', () => {
        connection.state = 'open'
        connection.attempt = 0
        resolve(ws)
      })
      ws.addEventListener('error', () => reject(new LabError('internal', 'Cannot reach the Gradient Lab host')))
    })
    opened.catch(() => undefined)
    ws.addEventListener('message', (e) => receive(String(e.data)))
    ws.addEventListener('close', () => {
      if (socket !== ws) return
      const why = refusal ?? new LabError('internal', 'Connection to the Gradient Lab host was lost')
      refusal = null
      for (const p of pending.values()) p.reject(why)
      pending.clear()
      connection.state = 'lost'
      connection.attempt += 1
      const delay = Math.min(5000, 250 * 2 ** Math.min(connection.attempt, 5))
      setTimeout(connect, delay)
    })
    return opened
  }

  function receive(text: string): void {
    const msg = parseServerMessage(text)
    if (msg instanceof Error) {
      console.error(`Gradient Lab: ${msg.message}; the message was dropped`)
      return
    }
    if ('event' in msg) {
      events.fire(msg.event, unpackProgress(msg.payload, fromBase64))
      return
    }
    if (msg.id === null) {
      if (!msg.ok && msg.error.code === 'busy') refusal = new LabError(msg.error.code, msg.error.message)
      return
    }
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    try {
      p.resolve(unwrap(msg))
    } catch (e) {
      p.reject(e as Error)
    }
  }

  connect()

  return {
    host: 'browser',
    async invoke(channel, request) {
      const ws = socket && socket.readyState === WebSocket.OPEN ? socket : await opened
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        const call: CallMessage = { id, channel, payload: request }
        ws.send(JSON.stringify(call))
      })
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      return events.on(event, listener)
    }
  }
}
