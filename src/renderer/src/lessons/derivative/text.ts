// Lesson prose for 4.3, in our own words.
export const title = { en: '4.3 Numerical differentiation', ko: '4.3 수치 미분' }

export const text = {
  en: `
The derivative of $f$ at $x$ is its slope there: how fast $f$ changes as $x$ moves, in the limit of a vanishing step.

$$\\frac{df(x)}{dx} = \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}$$

A computer cannot take the limit, so it takes a small $h$ and a difference. The **forward difference** $\\frac{f(x+h)-f(x)}{h}$ is the slope of a secant that starts at $x$: its error shrinks like $h$. The **central difference** $\\frac{f(x+h)-f(x-h)}{2h}$ is balanced around $x$ and its error shrinks like $h^2$. The book's numerical_diff is the central one with $h = 10^{-4}$.

Why not an even smaller $h$? A float64 holds about 16 significant digits. For a tiny $h$, $f(x+h)$ and $f(x-h)$ share almost all of them, and their difference is mostly rounding. The error plot shows both effects: falling with $h$, then rising again. Float32 keeps only about 7 digits, and $10^{-50}$ does not even exist there: it becomes $0$.

The example is $f(x) = 0.01x^2 + 0.1x$ (function_1), whose exact derivative is $0.02x + 0.1$: $0.2$ at $x = 5$, $0.3$ at $x = 10$. The numerical values differ from these in the twelfth digit.

With two variables, a **partial derivative** moves one and holds the other: for $f(x_0, x_1) = x_0^2 + x_1^2$ at $(3, 4)$, $\\partial f / \\partial x_0$ is the derivative of $x_0^2 + 4^2$ at $x_0 = 3$.
`,
  ko: `
$x$에서 $f$의 미분은 그 점의 기울기, 곧 $x$가 움직일 때 $f$가 얼마나 빨리 변하는지를 한없이 작은 변화로 잰 값입니다.

$$\\frac{df(x)}{dx} = \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}$$

컴퓨터는 극한을 구할 수 없으니 작은 $h$를 정해 차분을 계산합니다. **전방 차분** $\\frac{f(x+h)-f(x)}{h}$는 $x$에서 시작하는 할선의 기울기라 오차가 $h$에 비례해 줄어듭니다. **중심 차분** $\\frac{f(x+h)-f(x-h)}{2h}$는 $x$를 가운데 두므로 오차가 $h^2$에 비례해 줄어듭니다. 책의 numerical_diff는 $h = 10^{-4}$인 중심 차분입니다.

그럼 $h$를 더 작게 하면 어떨까요? float64는 유효숫자를 16자리쯤 담습니다. $h$가 아주 작으면 $f(x+h)$와 $f(x-h)$는 거의 모든 자리가 같아서, 둘의 차는 대부분 반올림 오차가 됩니다. 오차 그래프에 두 효과가 다 보입니다. $h$와 함께 줄다가 다시 커지지요. float32는 유효숫자가 7자리쯤뿐이고, $10^{-50}$은 아예 표현되지 않아 $0$이 됩니다.

예제는 $f(x) = 0.01x^2 + 0.1x$(function_1)이고 정확한 미분은 $0.02x + 0.1$입니다. $x = 5$에서 $0.2$, $x = 10$에서 $0.3$이지요. 수치 미분 값은 열두째 자리에서야 달라집니다.

변수가 둘이면 **편미분**은 하나만 움직이고 다른 하나는 고정합니다. $f(x_0, x_1) = x_0^2 + x_1^2$의 $(3, 4)$에서 $\\partial f / \\partial x_0$는 $x_0^2 + 4^2$를 $x_0 = 3$에서 미분한 값입니다.
`
}
