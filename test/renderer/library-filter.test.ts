// The library's one filter (src/renderer/src/library/filter.ts): kind, status, and the name as
// shown or as stored, matched literally and without regard to case, against hand-made runs.
import { describe, expect, it } from 'vitest'
import type { RunSummary } from '../../src/shared/api'
import { matchRuns, type RunFilterState } from '../../src/renderer/src/library/filter'

const run = (id: number, kind: RunSummary['kind'], status: RunSummary['status'], name: string) => ({ id, kind, status, name }) as RunSummary
const runs = [run(1, 'gate', 'done', 'AND · lr 0.1'), run(2, 'gate', 'failed', 'first 100%_run'), run(3, 'xor2', 'done', 'Mine'), run(4, 'mnist', 'interrupted', 'x')]
// as the Korean table would show run 1's default name
const shown = (r: RunSummary): string => (r.id === 1 ? 'AND 게이트 · 학습률 0.1' : r.name)
const ids = (f: Partial<RunFilterState>): number[] => matchRuns(runs, { kind: '', status: '', search: '', ...f }, shown).map((r) => r.id)

describe('library filter', () => {
  it('narrows by kind and by status, both at once', () => {
    expect(ids({})).toEqual([1, 2, 3, 4])
    expect(ids({ kind: 'gate' })).toEqual([1, 2])
    expect(ids({ status: 'done' })).toEqual([1, 3])
    expect(ids({ kind: 'gate', status: 'done' })).toEqual([1])
    expect(ids({ kind: 'mnist', status: 'done' })).toEqual([])
  })

  it('matches the name as shown or as stored, literally, ignoring case and outer blanks', () => {
    expect(ids({ search: '게이트' })).toEqual([1])
    expect(ids({ search: 'and · LR' })).toEqual([1])
    expect(ids({ search: '  mine ' })).toEqual([3])
    // % and _ are characters here, not wildcards
    expect(ids({ search: '100%_' })).toEqual([2])
    expect(ids({ search: '0%x' })).toEqual([])
    expect(ids({ search: 'x', kind: 'xor2' })).toEqual([])
  })
})
