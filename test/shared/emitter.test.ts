import { describe, expect, it } from 'vitest'
import { Emitter, Emitters } from '../../src/shared/emitter'

describe('Emitter', () => {
  it('delivers each fired value to every subscriber, in subscription order, until unsubscribed', () => {
    const e = new Emitter<number>()
    const seen: string[] = []
    const offA = e.event((v) => seen.push(`a${v}`))
    e.event((v) => seen.push(`b${v}`))
    e.fire(1)
    offA()
    e.fire(2)
    expect(seen).toEqual(['a1', 'b1', 'b2'])
  })

  it('counts one function subscribed twice as two subscriptions', () => {
    const e = new Emitter<number>()
    let calls = 0
    const listener = (): void => void calls++
    const off1 = e.event(listener)
    e.event(listener)
    off1()
    e.fire(0)
    expect(calls).toBe(1)
  })

  it('still delivers to the other listeners when one throws, then rethrows the first error', () => {
    const e = new Emitter<string>()
    const seen: string[] = []
    e.event(() => {
      throw new Error('first')
    })
    e.event((v) => seen.push(v))
    e.event(() => {
      throw new Error('second')
    })
    expect(() => e.fire('x')).toThrow('first')
    expect(seen).toEqual(['x'])
  })

  it('does not call a listener subscribed while firing until the next value', () => {
    const e = new Emitter<number>()
    const seen: number[] = []
    e.event(() => {
      e.event((v) => seen.push(v))
    })
    e.fire(1)
    expect(seen).toEqual([])
    e.fire(2)
    expect(seen).toEqual([2])
  })
})

describe('Emitters', () => {
  it('keeps the events of different names apart', () => {
    const events = new Emitters<{ a: number; b: string }>()
    const seen: unknown[] = []
    events.on('a', (v) => seen.push(v))
    events.fire('b', 'not for a')
    events.fire('a', 7)
    expect(seen).toEqual([7])
  })

  it('fires to nobody without error when no one listens', () => {
    const events = new Emitters<{ a: number }>()
    expect(() => events.fire('a', 1)).not.toThrow()
  })
})
