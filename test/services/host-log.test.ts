// The host's log of dropped clients: a flood becomes a few lines a second and a count.
import { describe, expect, it } from 'vitest'
import { hostLog } from '../../src/server/log'

describe('host log', () => {
  it('writes at most 5 lines a second, then one line counting the rest', () => {
    const lines: string[] = []
    let now = 1000
    const log = hostLog((l) => lines.push(l), () => now)
    for (let i = 0; i < 300; i++) log(`dropped ${i}`)
    expect(lines).toEqual(['dropped 0', 'dropped 1', 'dropped 2', 'dropped 3', 'dropped 4'])
    now += 999
    log('still the same second')
    expect(lines).toHaveLength(5)
    now += 1
    log('next second')
    expect(lines.slice(5)).toEqual(['(296 more like these in the last second not shown)', 'next second'])
    now += 5000
    log('quiet since')
    expect(lines.slice(7)).toEqual(['quiet since'])
  })
})
