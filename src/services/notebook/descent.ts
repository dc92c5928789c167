// Section 4.4.1: gradient descent on f(x0, x1), rebuilt with a gradient_descent written as the
// chapter writes it (the book's ch04/gradient_method.py) and the chapter's numerical_gradient.
import type { DescentConfig } from '../../shared/kinds'
import { parseExpr } from '../../engine/expr'
import { numericalGradient } from './chapter'
import { exprPython } from './expr-python'
import { pyArray, pyFloat } from './python'
import { storedSteps, type Sections } from './sections'
import { trainUntil, type StoredRun } from './stored'
import type { NotebookText } from './text'

/** The function as numpy source: the book's function_2 by its name, an expression translated. */
function functionSource(f: string): string {
  if (f.trim() === 'function_2') return `def function_2(x):\n    return x[0]**2 + x[1]**2\n\nf = function_2\n`
  const parsed = parseExpr(f, 2)
  if (!parsed.ok) throw new Error(`the run's function does not parse: ${f}`)
  return `def f(x):\n    # ${f.trim()}\n    return ${exprPython(parsed.expr.node, parsed.expr.variables)}\n`
}

export function descentSections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as DescentConfig
  const until = trainUntil(s)
  // x at every logged step, from the stored snapshots (each logged step carries its point)
  const points = (s.history ?? []).filter((h) => h.params.x)
  const compareX = points.length === s.metrics.step.length
  return {
    imports: [],
    config: `init_x = np.array([${config.init.map(pyFloat).join(', ')}])
lr = ${pyFloat(config.lr)}
step_num = ${config.steps}
run_until = ${until}${until === config.steps ? '' : `  # ${t.comment.endedEarly(until)}`}
h = ${pyFloat(config.h)}
log_every = ${config.logEvery}
`,
    functions: [t.descent.functions, `${numericalGradient}\n${functionSource(config.f)}`],
    model: [
      t.descent.model,
      `def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []
    for _ in range(step_num):
        x_history.append(x.copy())  # the point before this update
        x -= lr * numerical_gradient(f, x)
    return x, np.array(x_history)
`
    ],
    training: [
      t.descent.training,
      `with np.errstate(over='ignore', invalid='ignore'):  # ${t.comment.diverges}
    x, x_history = gradient_descent(f, init_x.copy(), lr=lr, step_num=run_until)
    path = np.vstack([x_history.reshape(-1, 2), x])  # path[k]: the point after k updates
    f_path = np.array([f(p) for p in path])
print('x after', run_until, 'steps:', x)
print('f(x):', f_path[-1])
`
    ],
    stored: storedSteps(s) + (compareX ? `lab_x = ${pyArray(points.flatMap((p) => Array.from(p.params.x.data)))}.reshape(-1, 2)\n` : ''),
    compared: [
      `'${t.label.loss}': relative_difference(f_path[lab_steps], lab_loss)`,
      // a coordinate that ends near 0 has no useful relative error of its own: scaled by the path's start
      ...(compareX ? [`'${t.descent.pointLabel}': array_difference(path[lab_steps], lab_x, start=init_x)`] : [])
    ]
  }
}
