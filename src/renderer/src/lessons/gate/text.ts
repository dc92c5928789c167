// Lesson prose for 4.5.1, in our own words.
export const title = { en: '4.5.1 Teaching one neuron a logic gate', ko: '4.5.1 뉴런 하나에게 논리 게이트 가르치기' }

export const text = {
  en: `
One neuron with two weights and a bias looks at the four inputs $(0,0),(0,1),(1,0),(1,1)$ and outputs $y = \\sigma(x_1 w_1 + x_2 w_2 + b)$, a number between 0 and 1.

The loss is binary cross-entropy summed over the four rows (the notebook halves it):
$$L = \\tfrac12 \\sum \\big[-t\\log y - (1-t)\\log(1-y)\\big]$$

Each epoch computes the gradient of $L$ for every parameter, then takes one step $w \\leftarrow w - \\eta\\,\\partial L/\\partial w$. The notebook uses the numerical gradient with $h = 10^{-5}$.

The neuron's decision boundary $x_1 w_1 + x_2 w_2 + b = 0$ is a straight line. AND, OR and NAND can be split by a line, so they are learned. **XOR cannot**: the loss stalls near $2\\log 2 \\approx 1.386$ and every output sits at 0.5. That failure is the lesson.
`,
  ko: `
가중치 두 개와 편향 하나를 가진 뉴런 하나가 네 입력 $(0,0),(0,1),(1,0),(1,1)$을 보고 0과 1 사이의 값 $y = \\sigma(x_1 w_1 + x_2 w_2 + b)$를 냅니다.

손실은 네 행에 대한 이진 교차 엔트로피의 합입니다 (노트북은 절반으로 나눕니다):
$$L = \\tfrac12 \\sum \\big[-t\\log y - (1-t)\\log(1-y)\\big]$$

에폭마다 모든 매개변수에 대해 $L$의 기울기를 구하고 $w \\leftarrow w - \\eta\\,\\partial L/\\partial w$로 한 걸음 움직입니다. 노트북은 $h = 10^{-5}$인 수치 미분을 씁니다.

이 뉴런의 결정 경계 $x_1 w_1 + x_2 w_2 + b = 0$은 직선입니다. AND, OR, NAND는 직선 하나로 나눌 수 있어서 학습됩니다. **XOR은 안 됩니다**: 손실이 $2\\log 2 \\approx 1.386$ 근처에서 멈추고 모든 출력이 0.5에 머뭅니다. 바로 이 실패가 이번 단원의 핵심입니다.
`
}
