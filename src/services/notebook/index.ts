// A run as a Jupyter notebook that rebuilds it in numpy and checks itself against the lab's numbers.
import type { ExportFile } from '../../shared/api'
import { kindOf } from '../../shared/kinds'
import type { Language } from '../../shared/language'
import type { RunStore } from '../store/run-store'
import { derivativeSections, gradientSections, lossSections } from './chapter4'
import { descentSections } from './descent'
import { gateSections } from './gate'
import { notebookJson } from './ipynb'
import { mnistSections } from './mnist'
import { mnistGzipFiles } from './mnist-files'
import { playgroundSections } from './playground'
import { cells, type Sections } from './sections'
import { simpleNetSections } from './simplenet'
import { readRun, type StoredRun } from './stored'
import { texts, type NotebookText } from './text'
import { xor2Sections } from './xor2'
import { zip } from './zip'
import { fileNamePart } from '../../shared/file-name'


/** Each kind's notebook builder: the code (and explanations) of its model and training. */
const builders: Record<StoredRun['run']['kind'], (s: StoredRun, t: NotebookText) => Sections> = {
  loss: lossSections,
  derivative: derivativeSections,
  gradient: gradientSections,
  descent: descentSections,
  simplenet: simpleNetSections,
  gate: gateSections,
  xor2: xor2Sections,
  mnist: mnistSections,
  playground: playgroundSections
}

export function runNotebook(store: RunStore, runId: number, language: Language = 'en'): ExportFile {
  const stored = readRun(store, runId)
  const t = texts[language]
  const { run } = stored
  return {
    filename: `run-${run.id}-${fileNamePart(run.name)}.ipynb`,
    mime: 'application/x-ipynb+json',
    content: notebookJson(cells(stored, builders[run.kind](stored, t), t), language)
  }
}

/**
 * The notebook, or for an MNIST run with `withMnist`, a .zip holding the notebook and a `mnist`
 * folder with the four gzipped IDX files beside it, where the notebook looks for them.
 */
export async function notebookExport(
  store: RunStore, runId: number, language: Language, withMnist: boolean
): Promise<ExportFile> {
  const notebook = runNotebook(store, runId, language)
  const kind = store.runKind(runId)
  if (!withMnist || !kind || kindOf(kind).dataset !== 'mnist') return notebook
  const files = await mnistGzipFiles()
  const archive = zip([
    { name: notebook.filename, data: Buffer.from(notebook.content, 'utf8') },
    ...files.map((f) => ({ name: `mnist/${f.name}`, data: f.data }))
  ])
  return {
    filename: notebook.filename.replace(/\.ipynb$/, '.zip'),
    mime: 'application/zip',
    content: archive.toString('base64'),
    base64: true
  }
}
