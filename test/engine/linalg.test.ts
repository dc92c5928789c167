// Matrix helpers: the shapes the notebook relies on, with values worked out by hand.
import { describe, expect, it } from 'vitest'
import { add, dot, fromRows, map, reshape, sum, toRows, transpose, vector, descend } from '../../src/engine/linalg'

describe('linalg', () => {
  const X = fromRows([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1]
  ])

  it('dot: (4,2)·(2,1) -> (4,1); vector·matrix -> vector, like np.dot', () => {
    const w = reshape(vector([2, 3]), 2, 1)
    const a = dot(X, w)
    expect([a.rows, a.cols]).toEqual([4, 1])
    expect(Array.from(a.data)).toEqual([0, 3, 2, 5])
    const p = dot(vector([0.5, 2]), fromRows([[1, 2, 3], [4, 5, 6]]))
    expect([p.rows, p.cols]).toEqual([1, 3])
    expect(Array.from(p.data)).toEqual([8.5, 11, 13.5])
  })

  it('add broadcasts a (4,1) column and a (2,) vector to (4,2), as the notebook XOR does', () => {
    const col = fromRows([[1], [2], [3], [4]])
    const out = add(col, vector([10, 20]))
    expect([out.rows, out.cols]).toEqual([4, 2])
    expect(toRows(out)).toEqual([
      [11, 21],
      [12, 22],
      [13, 23],
      [14, 24]
    ])
  })

  it('add broadcasts a (1,) bias down a column and adds equal shapes elementwise', () => {
    expect(Array.from(add(fromRows([[1], [2]]), vector([0.5])).data)).toEqual([1.5, 2.5])
    expect(Array.from(add(vector([1, 2]), vector([3, 4])).data)).toEqual([4, 6])
  })

  it('rejects shapes numpy rejects', () => {
    expect(() => dot(X, X)).toThrow(/4x2 and 4x2 do not align/)
    expect(() => add(X, vector([1, 2, 3]))).toThrow(/do not broadcast/)
    expect(() => reshape(X, 3, 3)).toThrow(/cannot reshape 4x2 into 3x3/)
    expect(() => fromRows([[1, 2], [3]])).toThrow(/same number/)
  })

  it('transpose, map, sum, descend', () => {
    expect(toRows(transpose(fromRows([[1, 2, 3], [4, 5, 6]])))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6]
    ])
    expect(Array.from(map(vector([1, -2]), Math.abs).data)).toEqual([1, 2])
    expect(sum(X)).toBe(4)
    const w = vector([1, 1])
    descend(w, vector([2, -4]), 0.5)
    expect(Array.from(w.data)).toEqual([0, 3])
  })
})
