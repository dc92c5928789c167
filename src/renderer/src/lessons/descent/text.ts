// Lesson prose for 4.4.1, in our own words, and the words of its views.
import { words } from '../../lib/i18n/index.svelte'

export const title = { en: '4.4.1 Gradient descent', ko: '4.4.1 경사 하강법' }

export const text = {
  en: `
Gradient descent walks downhill: from a start point $\\mathbf{x}$, it takes a step against the gradient, again and again,
$$\\mathbf{x} \\leftarrow \\mathbf{x} - \\eta\\,\\nabla f(\\mathbf{x})$$
where $\\eta$ is the **learning rate**, and $\\nabla f$ is computed numerically with central differences ($h = 10^{-4}$), as in 4.4.

The book descends $f(x_0, x_1) = x_0^2 + x_1^2$ from $(-3, 4)$. There $\\nabla f = (2x_0, 2x_1)$, so each step multiplies $\\mathbf{x}$ by $1 - 2\\eta$.

$\\eta = 0.1$: by $0.8$ a step — the path slides straight to the minimum $(0, 0)$.

$\\eta = 10$: by $-19$ — every step overshoots and lands farther away: the run **diverges**.

$\\eta = 10^{-10}$: by $0.9999999998$ — after 100 steps the point has barely moved.

The learning rate is chosen by hand: too large and training blows up, too small and it never gets anywhere.
`,
  ko: `
경사 하강법은 언덕을 내려가는 방법입니다. 시작점 $\\mathbf{x}$에서 기울기의 반대 방향으로 한 걸음씩 계속 움직입니다.
$$\\mathbf{x} \\leftarrow \\mathbf{x} - \\eta\\,\\nabla f(\\mathbf{x})$$
$\\eta$는 **학습률**이고, $\\nabla f$는 4.4에서처럼 중심 차분($h = 10^{-4}$)으로 수치 계산합니다.

책은 $(-3, 4)$에서 $f(x_0, x_1) = x_0^2 + x_1^2$를 내려갑니다. 여기서 $\\nabla f = (2x_0, 2x_1)$이므로 한 걸음마다 $\\mathbf{x}$에 $1 - 2\\eta$가 곱해집니다.

$\\eta = 0.1$: 한 걸음에 $0.8$배 — 경로가 최솟값 $(0, 0)$으로 곧게 미끄러집니다.

$\\eta = 10$: $-19$배 — 걸음마다 지나쳐서 더 멀리 떨어집니다. 실행이 **발산**합니다.

$\\eta = 10^{-10}$: $0.9999999998$배 — 100걸음 뒤에도 점이 거의 움직이지 않습니다.

학습률은 사람이 정합니다. 너무 크면 학습이 터지고, 너무 작으면 어디에도 가지 못합니다.
`
}

export const say = words({
  en: {
    map: 'f(x₀, x₁) with the descent path, each point’s step −η∇f and the current point',
    value: 'f(x₀, x₁)',
    follow: 'Follow the point',
    fPerStep: 'f(x) per step',
    step: 'step',
    points: 'Logged points',
    diverged: 'Diverged: f grew from {from} to {to}. With this learning rate every step overshoots the minimum and lands farther away.',
    frozen: 'The point has stopped at ({x}, {y}), far from the minimum: there x ± h rounds back to x, so the numerical gradient is 0. A rounding artefact, not a minimum.',
    barely: 'Barely moved: after {steps} steps the point is only {moved} from where it started. The learning rate is too small to matter.',
    descending: 'Descending: f went from {from} to {to}.',
    presets: 'The book’s learning rates',
    presetGood: 'lr 0.1: slides to the minimum',
    presetBig: 'lr 10: too large, diverges',
    presetSmall: 'lr 1e-10: too small, barely moves',
    start: 'Start point (x₀, x₁)',
    startHint: 'Type it, or drag on the map.',
    function: 'Function f(x₀, x₁)',
    steps: 'Steps',
    fHint: 'function_2, or an expression in x0 and x1, e.g. x0^2 + 3*x1^2',
    badExpr: 'The expression is empty: write function_2 or an expression in x0 and x1.',
    badExprAt: 'The expression cannot be read at position {position}.',
    badBuiltin: '{name} is a function of one variable: here write function_2 or an expression in x0 and x1.',
    presetsNote: 'Each sets lr and 100 steps from (−3, 4), as the book runs them.',
    undefinedAt: 'f has no value at the start point ({x0}, {x1}): pick another start.'
  },
  ko: {
    map: '하강 경로, 각 점의 걸음 −η∇f, 현재 점과 함께 그린 f(x₀, x₁)',
    value: 'f(x₀, x₁)',
    follow: '점 따라가기',
    fPerStep: '단계별 f(x)',
    step: '단계',
    points: '기록된 점',
    diverged: '발산했습니다: f가 {from}에서 {to|으로/로} 커졌습니다. 이 학습률에서는 걸음마다 최솟값을 지나쳐 더 멀리 떨어집니다.',
    frozen: '점이 최솟값에서 먼 ({x}, {y})에 멈췄습니다: 여기서는 x ± h가 반올림되어 다시 x가 되므로 수치 기울기가 0입니다. 최솟값이 아니라 반올림이 만든 현상입니다.',
    barely: '거의 움직이지 않았습니다: {steps}걸음 뒤에도 시작점에서 {moved}만큼 떨어졌을 뿐입니다. 학습률이 너무 작습니다.',
    descending: '내려가는 중입니다: f가 {from}에서 {to|으로/로} 바뀌었습니다.',
    presets: '책의 학습률',
    presetGood: 'lr 0.1: 최솟값으로 미끄러집니다',
    presetBig: 'lr 10: 너무 커서 발산합니다',
    presetSmall: 'lr 1e-10: 너무 작아서 거의 움직이지 않습니다',
    start: '시작점 (x₀, x₁)',
    startHint: '직접 입력하거나 지도에서 끌어 놓으세요.',
    function: '함수 f(x₀, x₁)',
    steps: '걸음 수',
    fHint: 'function_2, 또는 x0과 x1의 식 (예: x0^2 + 3*x1^2)',
    badExpr: '식이 비어 있습니다. function_2 또는 x0과 x1의 식을 쓰세요.',
    badExprAt: '식의 {position}번째 글자에서 읽을 수 없습니다.',
    badBuiltin: '{name|은/는} 변수가 하나인 함수입니다. 여기서는 function_2 또는 x0과 x1의 식을 쓰세요.',
    presetsNote: '책처럼 (−3, 4)에서 100걸음, 학습률만 바꿉니다.',
    undefinedAt: '시작점 ({x0}, {x1})에서 f의 값이 없습니다. 다른 시작점을 고르세요.'
  }
})
