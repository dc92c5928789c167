// The notebooks of lessons 4.2 (losses), 4.3 (a derivative) and 4.4 (a gradient): the book's
// functions in numpy, the one computation of the run, and the lab's stored values.
import { parseExpr, toPython } from '../../engine'
import type { DerivativeConfig, GradientConfig, LossConfig } from '../../shared/kinds'
import { numericalGradient1d } from './chapter'
import { pyArray, pyFloat } from './python'
import { storedSteps, type Sections } from './sections'
import type { StoredRun } from './stored'
import type { NotebookText } from './text'

/** The book's function_1 / function_2 as it writes them, else the typed expression in numpy. */
function functionSource(f: string, arity: 1 | 2): string {
  if (f === 'function_1') return 'def function(x):  # function_1\n    return 0.01*x**2 + 0.1*x\n'
  if (f === 'function_2') return 'def function(x):  # function_2\n    return np.sum(x**2)\n'
  const r = parseExpr(f, arity)
  if (!r.ok) throw new Error(`the run's function ${JSON.stringify(f)} does not parse`)
  return `def function(x):  # ${f}\n    return ${toPython(r.expr)}\n`
}

/** The run's results, its one snapshot's parameter `name` (E, d or grad), as lab_outputs. */
function outputs(s: StoredRun, name: string): string {
  const p = s.final?.params[name]
  if (!p) throw new Error(`run ${s.run.id} has no stored ${name}`)
  return `lab_outputs = ${pyArray(p.data)}\n`
}

export function lossSections(s: StoredRun, t: NotebookText): Sections {
  const c = s.run.config as LossConfig
  return {
    imports: [],
    config: `y = np.array([${c.y.map(pyFloat).join(', ')}])\nt = np.zeros(${c.y.length})\nt[${c.t}] = 1\n`,
    functions: [
      t.chapter4.loss.functions,
      `def mean_squared_error(y, t):
    return 0.5 * np.sum((y - t)**2)

def cross_entropy_error(y, t):
    delta = 1e-7
    return -np.sum(t * np.log(y + delta))
`
    ],
    model: [t.chapter4.noModel, 'pass\n'],
    training: [t.chapter4.loss.training, 'mse = mean_squared_error(y, t)\ncee = cross_entropy_error(y, t)\nprint(mse, cee)\n'],
    stored: storedSteps(s) + outputs(s, 'E'),
    compared: [`'${t.label.loss}': relative_difference(np.array([cee]), lab_loss)`, `'mse': relative_difference(np.array([mse, cee]), lab_outputs)`]
  }
}

export function derivativeSections(s: StoredRun, t: NotebookText): Sections {
  const c = s.run.config as DerivativeConfig
  const dtype = c.precision === 'float32' ? 'np.float32' : 'np.float64'
  const difference = c.method === 'central' ? '(f(x + h) - f(x - h)) / (2*h)' : '(f(x + h) - f(x)) / h'
  return {
    imports: [],
    config: `x = np.array([${pyFloat(c.x)}], dtype=${dtype})\nh = ${dtype}(${pyFloat(c.h)})\n`,
    functions: [
      t.chapter4.derivative.functions,
      `${functionSource(c.f, 1)}
def numerical_diff(f, x):
    return ${difference}
`
    ],
    model: [t.chapter4.noModel, 'pass\n'],
    training: [
      t.chapter4.derivative.training,
      `with np.errstate(divide='ignore', invalid='ignore'):
    d = numerical_diff(function, x)[0]
fx = function(x.astype(np.float64))[0]
print(d)
`
    ],
    stored: storedSteps(s) + outputs(s, 'd'),
    compared: [`'${t.label.loss}': relative_difference(np.array([fx]), lab_loss)`, `'df/dx': relative_difference(np.array([d]), lab_outputs[:1])`]
  }
}

export function gradientSections(s: StoredRun, t: NotebookText): Sections {
  const c = s.run.config as GradientConfig
  return {
    imports: [],
    config: `x = np.array([${pyFloat(c.x0)}, ${pyFloat(c.x1)}])\nh = ${pyFloat(c.h)}\n`,
    functions: [t.chapter4.gradient.functions, `${functionSource(c.f, 2)}\n${numericalGradient1d}`],
    model: [t.chapter4.noModel, 'pass\n'],
    training: [t.chapter4.gradient.training, 'fx = function(x)\ngrad = numerical_gradient_1d(function, x)\nprint(grad)\n'],
    stored: storedSteps(s) + outputs(s, 'grad'),
    compared: [`'${t.label.loss}': relative_difference(np.array([fx]), lab_loss)`, `'grad': relative_difference(grad, lab_outputs)`]
  }
}
