// Python source of the functions the chapter defines (section 4.4.2 to 4.5.3), in its names and
// style, and of the comparison every notebook ends with. `h` is a global of the notebook's
// configuration cell, as the chapter fixes it inside numerical_gradient_1d and differential.

export const sigmoid = `def sigmoid(x):
    return 1 / (1 + np.exp(-x))
`

/** The chapter's central difference over a vector, each element nudged in place by ±h. */
export const numericalGradient1d = `def numerical_gradient_1d(f, x):
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)
        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2*h)
        x[idx] = tmp_val  # restore the value
    return grad
`

/** The chapter's numerical_gradient: a vector directly, a matrix row by row. */
export const numericalGradient = `${numericalGradient1d}
def numerical_gradient(f, X):
    if X.ndim == 1:
        return numerical_gradient_1d(f, X)
    grad = np.zeros_like(X)
    for idx, x in enumerate(X):
        grad[idx] = numerical_gradient_1d(f, x)
    return grad
`

/** Section 4.4.2: softmax shifted by the largest value, and the cross-entropy with `delta` from the configuration cell. */
export const simpleNetFunctions = `def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)
    sum_exp_a = np.sum(exp_a)
    return exp_a / sum_exp_a

def cross_entropy_error(y, t):
    return -np.dot(t, np.log(y + delta))

${numericalGradient}`

/** Section 4.5.1 and 4.5.2: the loss for 0/1 targets and the in-place central difference. */
export const tableFunctions = `${sigmoid}
def cross_entropy_error_for_bin(pred_y, true_y):
    return 0.5 * np.sum((-true_y * np.log(pred_y) - (1 - true_y) * np.log(1 - pred_y)))

def differential(f, x):
    diff = np.zeros_like(x)
    for i in range(x.shape[0]):
        temp_val = x[i]
        x[i] = temp_val + h
        fxh1 = f(x)
        x[i] = temp_val - h
        fxh2 = f(x)
        diff[i] = (fxh1 - fxh2) / (2*h)
        x[i] = temp_val
    return diff

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
`

/** The comparison cell's functions; `compared` maps a line's label to its difference. */
export const compareFunctions = `def relative_difference(ours, lab):
    """Largest |ours - lab| / |lab|, value by value. A value both sides hold as NaN (a diverged step) counts as equal."""
    ours = np.asarray(ours, dtype=np.float64).ravel()
    lab = np.asarray(lab, dtype=np.float64).ravel()
    with np.errstate(divide='ignore', invalid='ignore'):
        d = np.abs(ours - lab) / np.abs(lab)
    d[(ours == lab) | (np.isnan(ours) & np.isnan(lab))] = 0.0
    d[np.isnan(d)] = np.inf
    return float(d.max(initial=0.0))

def array_difference(ours, lab, start=None, stored_as=np.float64):
    """Largest |ours - lab| relative to the largest |value| of the array at the end (lab) or at the start
    (start): a weight that ends near zero has no useful relative error of its own. For values the lab
    stores in float32, their rounding to float32 is not counted."""
    ours = np.asarray(ours, dtype=np.float64).ravel()
    lab = np.asarray(lab, dtype=np.float64).ravel()
    gap = np.abs(ours - lab)
    if stored_as == np.float32:
        gap = np.maximum(gap - np.spacing(np.abs(lab).astype(np.float32)).astype(np.float64) / 2, 0.0)
    gap[np.isnan(gap)] = np.inf
    scale = max(np.abs(lab).max(initial=0.0), 0.0 if start is None else np.abs(start).max(initial=0.0))
    return float(gap.max(initial=0.0) / scale) if scale > 0 else float(gap.max(initial=0.0))
`

/** The last cell's report: one line per compared quantity, then the summary line. */
export const report = (steps: string): string => `for name, d in compared.items():
    print(f'{name}: {d:.3g}')
print(f'max relative difference: {max(compared.values()):.3g} over {len(${steps})} logged steps')
`
