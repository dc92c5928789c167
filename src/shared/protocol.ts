// The messages that carry LabApi between processes: Electron's IPC channel names (main and the
// preload), and the browser host's WebSocket messages (server and client), with the client's
// defensive parser. Plain data, no Electron import, so the sandboxed preload bundle stays small.
import { ERROR_CODES, EVENT_NAMES, type Channel, type Envelope, type EventName, type Events } from './api'
import { RUN_STATUSES } from './status'

/** Main pushes every LabApi event on this one IPC channel. */
export const EVENT_CHANNEL = 'lab:event'

/** `runs:start` travels as `lab:runs:start`, so our handlers never clash with Electron's own. */
export const invokeChannel = (channel: Channel): string => `lab:${channel}`

/**
 * An event pushed to the renderer: over IPC on EVENT_CHANNEL; over the WebSocket with its large
 * matrices packed as base64 bytes (packed.ts), which the client unpacks.
 */
export interface EventMessage<E extends EventName = EventName> {
  event: E
  payload: Events[E]
}

/** A LabApi call over the WebSocket; `id` comes back in its reply. */
export interface CallMessage {
  id: number
  channel: Channel
  payload: unknown
}

/** The answer to a call; `id` is null when the call itself could not be read. */
export type ReplyMessage = { id: number | null } & Envelope<unknown>

export type ServerMessage = ReplyMessage | EventMessage

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0
const oneOfList = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v)

/** What is wrong with a progress event's outer shape, or null (records are checked where used). */
function progressProblem(p: unknown): string | null {
  if (!isRecord(p)) return 'its payload is not an object'
  if (!isCount(p.runId) || !isCount(p.done) || !isCount(p.total)) return 'runId, done and total must be counts'
  if (!oneOfList(RUN_STATUSES, p.status)) return `status must be one of ${RUN_STATUSES.join(', ')}`
  if (!Array.isArray(p.records)) return 'records must be a list'
  return null
}

/** The check of each event's payload: an event added to Events without one does not build. */
const payloadProblem: { [E in EventName]: (payload: unknown) => string | null } = { 'run:progress': progressProblem }

/**
 * A message from the host, checked before anything acts on it: a reply's envelope, or an event
 * the renderer knows with a payload of the right outer shape. Anything else is an Error saying
 * what was wrong (the client drops it; the host is ours, so it means a bug or a mismatch).
 */
export function parseServerMessage(text: string): ServerMessage | Error {
  let msg: unknown
  try {
    msg = JSON.parse(text)
  } catch {
    return new Error('a message from the host is not JSON')
  }
  if (!isRecord(msg)) return new Error('a message from the host is not an object')
  if ('event' in msg) {
    if (!oneOfList(EVENT_NAMES, msg.event)) return new Error(`unknown event ${JSON.stringify(msg.event)} from the host`)
    const event = msg.event as EventName
    const problem = payloadProblem[event](msg.payload)
    if (problem) return new Error(`a ${event} event from the host is malformed: ${problem}`)
    return msg as unknown as EventMessage
  }
  if (!(msg.id === null || isCount(msg.id))) return new Error('a reply from the host has no id')
  if (msg.ok === true) return 'value' in msg ? (msg as ReplyMessage) : new Error('a reply from the host has no value')
  const error = msg.error
  if (msg.ok !== false || !isRecord(error) || !oneOfList(ERROR_CODES, error.code) || typeof error.message !== 'string') {
    return new Error('a reply from the host is neither { ok: true, value } nor { ok: false, error: { code, message } }')
  }
  return msg as ReplyMessage
}
