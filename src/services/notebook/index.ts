// A run as a Jupyter notebook that rebuilds it in numpy and checks itself against the lab's numbers.
import type { ExportFile } from '../../shared/api'
import type { RunStore } from '../store/run-store'
import { gateSections } from './gate'
import { notebookJson } from './ipynb'
import { mnistSections } from './mnist'
import { cells, type Sections } from './sections'
import { simpleNetSections } from './simplenet'
import { readRun, type StoredRun } from './stored'
import { texts, type NotebookLanguage, type NotebookText } from './text'
import { xor2Sections } from './xor2'

export type { NotebookLanguage } from './text'

const byKind: Record<StoredRun['run']['kind'], (s: StoredRun, t: NotebookText) => Sections> = {
  simplenet: simpleNetSections,
  gate: gateSections,
  xor2: xor2Sections,
  mnist: mnistSections
}

const safeName = (s: string): string => s.replace(/[^\w.-]+/g, '_').slice(0, 60)

export function runNotebook(store: RunStore, runId: number, language: NotebookLanguage = 'en'): ExportFile {
  const stored = readRun(store, runId)
  const t = texts[language]
  const { run } = stored
  return {
    filename: `run-${run.id}-${safeName(run.name)}.ipynb`,
    mime: 'application/x-ipynb+json',
    content: notebookJson(cells(stored, byKind[run.kind](stored, t), t), language)
  }
}
