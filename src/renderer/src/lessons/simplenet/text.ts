// Lesson prose for 4.4.2, in our own words.
export const title = { en: '4.4.2 The gradient of a tiny network', ko: '4.4.2 작은 신경망의 기울기' }

export const text = {
  en: `
SimpleNet has a single weight matrix $W$ of shape $2\\times 3$. An input $x=(x_1,x_2)$ gives three scores $p = xW$, softmax turns them into probabilities $y$, and the loss compares $y$ with the one-hot answer $t$:

$$L = -\\sum_k t_k \\log(y_k + 10^{-4})$$

The gradient $\\partial L/\\partial W$ has the same shape as $W$. Each entry says how fast the loss changes when that one weight moves: if $\\partial L/\\partial w_{11} = 0.23$, nudging $w_{11}$ up by $h$ raises the loss by about $0.23\\,h$.

We get it two ways: **numerically**, $\\frac{L(w+h)-L(w-h)}{2h}$ for one weight at a time, and by **backprop** (the chain rule). They should agree to many digits. Going against the gradient, $W \\leftarrow W - \\eta\\,\\partial L/\\partial W$, lowers the loss.
`,
  ko: `
SimpleNet은 $2\\times 3$ 모양의 가중치 행렬 $W$ 하나뿐인 신경망입니다. 입력 $x=(x_1,x_2)$에서 점수 세 개 $p = xW$를 얻고, 소프트맥스로 확률 $y$를 만든 뒤, 원-핫 정답 $t$와 비교해 손실을 구합니다:

$$L = -\\sum_k t_k \\log(y_k + 10^{-4})$$

기울기 $\\partial L/\\partial W$는 $W$와 모양이 같습니다. 각 칸은 그 가중치 하나를 움직일 때 손실이 얼마나 빨리 변하는지 알려 줍니다. $\\partial L/\\partial w_{11} = 0.23$이면 $w_{11}$을 $h$만큼 키울 때 손실이 약 $0.23\\,h$ 늘어납니다.

기울기는 두 가지로 구합니다. 한 번에 가중치 하나씩 $\\frac{L(w+h)-L(w-h)}{2h}$로 계산하는 **수치 미분**, 그리고 연쇄 법칙을 쓰는 **역전파**입니다. 두 값은 여러 자리까지 일치해야 합니다. 기울기의 반대 방향으로 $W \\leftarrow W - \\eta\\,\\partial L/\\partial W$ 움직이면 손실이 줄어듭니다.
`
}
