// Exported file names keep the run's name, Hangul included; only what file systems forbid goes.
import { describe, expect, it } from 'vitest'
import { fileNamePart } from '../../src/shared/file-name'

describe('fileNamePart', () => {
  it('keeps Korean and other letters, spaces and brackets', () => {
    expect(fileNamePart('AND 노트북 재현 (notebook repro)')).toBe('AND 노트북 재현 (notebook repro)')
    expect(fileNamePart('Ünïcode ελληνικά 日本語')).toBe('Ünïcode ελληνικά 日本語')
  })
  it('replaces what Windows, macOS or Linux forbid', () => {
    expect(fileNamePart('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j')
    expect(fileNamePart('tab\there\nnewline')).toBe('tab here newline')
    expect(fileNamePart('ends with dots...')).toBe('ends with dots')
  })
  it('cuts at 60 characters, not bytes, and is never empty', () => {
    expect(Array.from(fileNamePart('가'.repeat(100)))).toHaveLength(60)
    expect(fileNamePart('///')).toBe('___')
    expect(fileNamePart(' . ')).toBe('run')
  })
})
