// Every notebook has the same outline, whatever the run: configuration, the chapter's
// functions, the model, training, the lab's stored values, and the comparison. A run kind
// supplies the code (and its own explanations); this file puts them in order.
import { snapshotBytes } from '../../shared/run-budget'
import { compareFunctions, report } from './chapter'
import { code, markdown, type Cell } from './ipynb'
import { needsBase64, pyArray, pyInts } from './python'
import { lastStep, type StoredRun } from './stored'
import type { NotebookText } from './text'

/** An explanation and the code it explains. */
export type Explained = [markdown: string, code: string]

export interface Sections {
  /** Standard-library modules the code needs besides numpy (and base64, found by need). */
  imports: string[]
  /** Extra cells right after the configuration (MNIST: reading the data, the expected time). */
  afterConfig?: Cell[]
  config: string
  functions: Explained
  model: Explained
  training: Explained
  /** Python assigning lab_steps, lab_loss and whatever else the kind compares. */
  stored: string
  /** Entries of the `compared` dict: `'label': difference-expression`. */
  compared: string[]
  /** Extra explanation before the comparison (MNIST: rounding chaos). */
  compareNote?: string
}

/** lab_steps and lab_loss: every logged step the lab stored, and its loss. */
export const storedSteps = (s: StoredRun): string =>
  `lab_steps = ${pyInts(s.metrics.step)}\nlab_loss = ${pyArray(s.metrics.loss)}\n`

export function cells(s: StoredRun, sections: Sections, t: NotebookText): Cell[] {
  const { run } = s
  const imports = ['numpy as np', ...sections.imports]
  if (needsBase64(sections.stored)) imports.push('base64')
  const intro = [t.title(run.name, run.id, run.kind), t.intro(s.metrics.step.length), t.status(run.status, lastStep(s), run.totalSteps)]
  return [
    markdown(intro.filter(Boolean).join('\n\n')),
    code(imports.map((m) => `import ${m}`).join('\n') + '\n'),
    markdown(t.config),
    code(sections.config),
    ...(sections.afterConfig ?? []),
    markdown(sections.functions[0]),
    code(sections.functions[1]),
    markdown(sections.model[0]),
    code(sections.model[1]),
    markdown(sections.training[0]),
    code(sections.training[1]),
    markdown(t.stored(s.metrics.step.length, snapshotBytes(run.config) === 4)),
    code(sections.stored),
    markdown([t.compare, sections.compareNote].filter(Boolean).join('\n\n')),
    code(`${compareFunctions}\ncompared = {\n${sections.compared.map((c) => `    ${c},`).join('\n')}\n}\n${report('lab_steps')}`)
  ]
}
