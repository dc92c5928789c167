// Lesson prose for 4.4, in our own words.
export const title = { en: '4.4 Gradient', ko: '4.4 기울기' }

export const text = {
  en: `
Put the partial derivatives of $f(x_0, x_1)$ side by side and you have its **gradient**:

$$\\nabla f = \\left(\\frac{\\partial f}{\\partial x_0}, \\frac{\\partial f}{\\partial x_1}\\right)$$

The book computes it with numerical_gradient: for each coordinate in turn, move it to $x_i + h$ and to $x_i - h$, take the central difference, and put the coordinate back. For $f = x_0^2 + x_1^2$ (function_2) the gradient at $(3, 4)$ is $(6, 8)$, at $(0, 2)$ it is $(0, 4)$, at $(3, 0)$ it is $(6, 0)$ — up to the twelfth digit.

The gradient points where $f$ rises fastest, so $-\\nabla f$ points where it falls fastest. Drawn as arrows at every point of a grid (here the book's $-2, -1.75, \\dots, 2.25$ on both axes), $-\\nabla f$ of function_2 points everywhere to the minimum at the origin, and the arrows are longer the farther they start: the slope is steeper there. For other functions the arrows need not point at the lowest point, only downhill from where they stand.

Click the map, or type a point, to see the gradient there.
`,
  ko: `
$f(x_0, x_1)$의 편미분을 나란히 묶은 벡터가 **기울기**(gradient)입니다:

$$\\nabla f = \\left(\\frac{\\partial f}{\\partial x_0}, \\frac{\\partial f}{\\partial x_1}\\right)$$

책은 numerical_gradient로 구합니다. 좌표 하나씩 차례로 $x_i + h$와 $x_i - h$로 옮겨 중심 차분을 계산하고 좌표를 되돌려 놓습니다. $f = x_0^2 + x_1^2$(function_2)의 기울기는 $(3, 4)$에서 $(6, 8)$, $(0, 2)$에서 $(0, 4)$, $(3, 0)$에서 $(6, 0)$입니다. 열두째 자리까지요.

기울기는 $f$가 가장 빨리 커지는 방향이라, $-\\nabla f$는 가장 빨리 작아지는 방향입니다. 격자(여기서는 두 축 모두 책의 $-2, -1.75, \\dots, 2.25$)의 모든 점에 화살표로 그리면 function_2의 $-\\nabla f$는 모두 원점의 최솟값을 가리키고, 멀리서 시작할수록 깁니다. 그곳의 경사가 더 가파르니까요. 다른 함수에서는 화살표가 가장 낮은 곳을 가리킨다는 보장은 없고, 제자리에서 내리막 쪽을 가리킬 뿐입니다.

지도를 클릭하거나 점을 입력해 그곳의 기울기를 보세요.
`
}
