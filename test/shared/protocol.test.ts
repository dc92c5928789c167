// The browser client's parser for what the host sends: replies and events it can act on, and
// a sentence for anything else (never an exception out of the socket's message handler).
import { describe, expect, it } from 'vitest'
import { parseServerMessage } from '../../src/shared/protocol'

const progress = { runId: 3, status: 'running', done: 10, total: 100, rate: 5, etaSeconds: 18, records: [] }

describe('parseServerMessage', () => {
  it('accepts a successful reply, a failed reply and a progress event as they are', () => {
    const ok = { id: 4, ok: true, value: [1, 2] }
    const failed = { id: null, ok: false, error: { code: 'not-found', message: 'there is no run 9' } }
    const push = { event: 'run:progress', payload: progress }
    expect(parseServerMessage(JSON.stringify(ok))).toEqual(ok)
    expect(parseServerMessage(JSON.stringify(failed))).toEqual(failed)
    expect(parseServerMessage(JSON.stringify(push))).toEqual(push)
  })

  it.each([
    ['not JSON', '{"id": 1,', /not JSON/],
    ['an array', '[1, 2]', /not an object/],
    ['an unknown event', JSON.stringify({ event: 'run:exploded', payload: {} }), /unknown event "run:exploded"/],
    ['a progress event without records', JSON.stringify({ event: 'run:progress', payload: { ...progress, records: null } }), /records must be a list/],
    ['a progress event with an unknown status', JSON.stringify({ event: 'run:progress', payload: { ...progress, status: 'sleeping' } }), /status must be one of running, paused/],
    ['a reply without an id', JSON.stringify({ ok: true, value: 1 }), /no id/],
    ['a reply without a value', JSON.stringify({ id: 1, ok: true }), /no value/],
    ['an error with an unknown code', JSON.stringify({ id: 1, ok: false, error: { code: 'oops', message: 'x' } }), /neither/],
    ['an error without a message', JSON.stringify({ id: 1, ok: false, error: { code: 'invalid' } }), /neither/]
  ])('refuses %s, saying what is wrong', (_name, text, why) => {
    const parsed = parseServerMessage(text)
    expect(parsed).toBeInstanceOf(Error)
    expect((parsed as Error).message).toMatch(why)
  })
})
