// A Jupyter notebook (nbformat 4.5) from markdown and code cells: the file format, nothing else.
import { createHash } from 'node:crypto'
import type { Language } from '../../shared/language'

export interface Cell {
  type: 'markdown' | 'code'
  source: string
}

export const markdown = (source: string): Cell => ({ type: 'markdown', source })
export const code = (source: string): Cell => ({ type: 'code', source })

/** nbformat stores a cell's source as its lines, each keeping its newline. */
const lines = (source: string): string[] => source.replace(/\n+$/, '').split(/(?<=\n)/)

/** Cell ids (required by nbformat 4.5) derived from the cell's place and text, so an export is reproducible. */
const cellId = (cell: Cell, i: number): string =>
  createHash('sha256').update(`${i}\n${cell.source}`).digest('hex').slice(0, 12)

export function notebookJson(cells: Cell[], language: Language): string {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', pygments_lexer: 'ipython3', file_extension: '.py', mimetype: 'text/x-python' },
      gradient_lab: { language }
    },
    cells: cells.map((cell, i) =>
      cell.type === 'markdown'
        ? { cell_type: 'markdown', id: cellId(cell, i), metadata: {}, source: lines(cell.source) }
        : { cell_type: 'code', id: cellId(cell, i), metadata: {}, execution_count: null, outputs: [], source: lines(cell.source) }
    )
  }
  return JSON.stringify(nb, null, 1) + '\n'
}
