import { describe, expect, it } from 'vitest'
import { sameToken } from '../../src/server/token'

describe('sameToken', () => {
  it('accepts the token and nothing else: a prefix, a longer string, another case, none', () => {
    const token = 'f3a9c2d1e0b84756'
    expect(sameToken('f3a9c2d1e0b84756', token)).toBe(true)
    for (const wrong of ['f3a9c2d1e0b8475', 'f3a9c2d1e0b847560', 'F3A9C2D1E0B84756', '', 'x']) expect(sameToken(wrong, token), wrong).toBe(false)
    expect(sameToken(null, token)).toBe(false)
  })
})
