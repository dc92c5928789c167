// The exported notebook as a file (no Python needed): valid nbformat 4.5, only numpy and the
// standard library imported, the stored numbers carried exactly, words in the asked language.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNotebook } from '../../src/services/notebook'
import { RunStore } from '../../src/services/store/run-store'
import { jsonLines, lab } from '../cli/lab'

interface Notebook {
  nbformat: number
  nbformat_minor: number
  metadata: { kernelspec: { name: string } }
  cells: { cell_type: string; id: string; source: string[]; outputs?: unknown[]; execution_count?: null }[]
}

const HANGUL = /[\uac00-\ud7a3]/
const text = (cells: Notebook['cells'], type: string): string =>
  cells.filter((c) => c.cell_type === type).map((c) => c.source.join('')).join('\n')

/** The numbers of `lab_<name> = np.array([...])` or of its base64 bytes, read back as the notebook would. */
function storedArray(code: string, name: string): number[] {
  const list = new RegExp(`^lab_${name} = np\\.array\\(\\[([^\\]]*)\\]`, 'm').exec(code)
  if (list) return list[1].split(',').filter((v) => v.trim()).map((v) => Number(v.trim()))
  const packed = new RegExp(`^lab_${name} = np\\.frombuffer\\(base64\\.b64decode\\('''([^']*)'''\\), dtype='<f8'\\)`, 'm').exec(code)
  if (!packed) throw new Error(`no lab_${name} in the notebook`)
  const bytes = Buffer.from(packed[1].replace(/\s/g, ''), 'base64')
  return Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readDoubleLE(8 * i))
}

describe('exported notebook files', () => {
  let db: string
  let gateId: number
  // one database for the whole file (tempDir's folders go after each test)
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  beforeAll(() => {
    db = join(dir, 'lab.db')
    // 500 logged steps: more than a list holds, so the losses travel as base64 bytes
    const r = lab(['train', 'gate', '--gate', 'XOR', '--seed', '2', '--lr', '0.3', '--epochs', '500', '--log-every', '1', '--db', db, '--json'])
    if (r.code !== 0) throw new Error(r.stderr)
    gateId = jsonLines(r.stdout).at(-1)!.runId as number
  })

  const exported = (language: 'en' | 'ko'): Notebook => {
    const store = new RunStore(db)
    try {
      return JSON.parse(runNotebook(store, gateId, language).content) as Notebook
    } finally {
      store.close()
    }
  }

  it('is nbformat 4.5 with a Python 3 kernel, unexecuted cells and unique ids', () => {
    const nb = exported('en')
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5])
    expect(nb.metadata.kernelspec.name).toBe('python3')
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(nb.cells.length)
    for (const c of nb.cells.filter((c) => c.cell_type === 'code')) {
      expect(c.outputs).toEqual([])
      expect(c.execution_count).toBeNull()
    }
  })

  it('imports numpy and the standard library only', () => {
    const code = text(exported('en').cells, 'code')
    const modules = [...code.matchAll(/^\s*(?:import|from)\s+(\w+)/gm)].map((m) => m[1])
    expect(modules).toContain('numpy')
    expect(modules.filter((m) => !['numpy', 'base64', 'gzip', 'os', 'time'].includes(m))).toEqual([])
  })

  it('carries every stored loss bit for bit', () => {
    const store = new RunStore(db)
    const stored = store.metrics(gateId)
    store.close()
    expect(stored.step.length).toBe(500)
    const code = text(exported('en').cells, 'code')
    expect(storedArray(code, 'loss')).toEqual(stored.loss)
  })

  it('speaks the language it was exported in, and ends with the same summary line', () => {
    const en = exported('en')
    const ko = exported('ko')
    expect(text(en.cells, 'markdown')).not.toMatch(HANGUL)
    expect(text(ko.cells, 'markdown')).toMatch(HANGUL)
    for (const nb of [en, ko]) expect(text(nb.cells, 'code')).toContain("print(f'max relative difference: {max(compared.values()):.3g} over {len(lab_steps)} logged steps')")
  })

  it('a long textbook MNIST run explains rounding chaos before its comparison; a short one does not', () => {
    const run = (iterations: number): Notebook['cells'] => {
      const r = lab(['train', 'mnist', '--textbook', '--gradient', 'backprop', '--seed', '1', '--hidden', '8', '--batch', '10',
        '--iterations', String(iterations), '--lr', '0.1', '--eval-every', '0', '--db', db, '--json'])
      if (r.code !== 0) throw new Error(r.stderr)
      const store = new RunStore(db)
      try {
        return (JSON.parse(runNotebook(store, jsonLines(r.stdout).at(-1)!.runId as number, 'en').content) as Notebook).cells
      } finally {
        store.close()
      }
    }
    expect(text(run(25), 'markdown')).toContain('**Rounding chaos.**')
    expect(text(run(5), 'markdown')).not.toContain('Rounding chaos')
  })

  it('a twolayernet MNIST run exports, its markdown explaining the book\'s conventions in either language', () => {
    const r = lab(['train', 'mnist', '--formulation', 'twolayernet', '--gradient', 'backprop', '--seed', '1', '--hidden', '8', '--batch', '10',
      '--iterations', '2', '--lr', '0.1', '--eval-every', '0', '--db', db, '--json'])
    if (r.code !== 0) throw new Error(r.stderr)
    const id = jsonLines(r.stdout).at(-1)!.runId as number
    const store = new RunStore(db)
    let en: Notebook['cells'], ko: Notebook['cells']
    try {
      ;[en, ko] = (['en', 'ko'] as const).map((language) => (JSON.parse(runNotebook(store, id, language).content) as Notebook).cells)
    } finally {
      store.close()
    }
    expect(text(en, 'markdown')).toContain('**twolayernet** formulation')
    expect(text(en, 'markdown')).toContain('`dA2 = (y − t) / B`')
    expect(text(en, 'markdown')).not.toMatch(HANGUL)
    expect(text(ko, 'markdown')).toContain('**twolayernet** 방식')
    expect(text(ko, 'markdown')).toMatch(HANGUL)
    for (const cells of [en, ko]) {
      const code = text(cells, 'code')
      expect(code).toContain('dA2 = (y - t) / x.shape[0]')
      // the loss is logged after the update, as the engine does for this formulation
      expect(code.indexOf('loss = model.loss(x_batch, t_batch)')).toBeGreaterThan(code.indexOf('model.params[key] -= lr * grads[key]'))
    }
  })

  it('lab export refuses an unknown format or a language for CSV, naming what is allowed', () => {
    const bad = lab(['export', String(gateId), '--format', 'xml', '--db', db])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--format must be one of csv, ipynb.*xml/)
    const csvLanguage = lab(['export', String(gateId), '--language', 'ko', '--db', db])
    expect(csvLanguage.code).not.toBe(0)
    expect(csvLanguage.stderr).toContain('--language is for --format ipynb')
  })
})
