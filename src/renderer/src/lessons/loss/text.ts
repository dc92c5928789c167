// Lesson prose for 4.2, in our own words.
export const title = { en: '4.2 Loss functions', ko: '4.2 손실 함수' }

export const text = {
  en: `
A network learns by making one number small: the **loss**, how far its output $y$ is from the answer $t$. Here $y$ is a probability per class (a softmax output, so it sums to 1) and $t$ is the correct class, written as a label such as $2$ or as a one-hot vector $(0, 0, 1, 0, \\dots)$.

The **mean squared error** (the book's form, with a half in front) adds up the squared gaps of every class:

$$E = \\frac{1}{2} \\sum_k (y_k - t_k)^2$$

The **cross-entropy error** looks only at the probability given to the correct class:

$$E = -\\sum_k t_k \\log (y_k + \\delta), \\qquad \\delta = 10^{-7}$$

Only the term with $t_k = 1$ is not zero, so $E = -\\log y_{\\text{correct}}$: $0$ when the network is sure and right, and large when it gives the answer a small probability. The tiny $\\delta$ keeps $\\log 0 = -\\infty$ away. With the book's example — $0.6$ on class 2 — the errors are $0.0975$ and $0.5108$; move the $0.6$ to class 7 and they become $0.5975$ and $2.3026$.

Training uses a **mini-batch**: $N$ examples drawn at random from the 60,000 training digits (np.random.choice(60000, N), with repeats allowed), and the loss averaged over them:

$$E = -\\frac{1}{N} \\sum_n \\sum_k t_{nk} \\log (y_{nk} + \\delta)$$

With labels instead of one-hot rows the same number is $-\\frac{1}{N}\\sum_n \\log(y_{n, t_n} + \\delta)$. The outputs below come from the book's two-layer net right after initialisation (tiny random weights), so every class gets about $0.1$ and the loss sits near $\\log 10 \\approx 2.30$: an untrained network guesses.
`,
  ko: `
신경망은 숫자 하나를 작게 만들며 학습합니다. 출력 $y$가 정답 $t$에서 얼마나 먼지를 나타내는 **손실**입니다. 여기서 $y$는 클래스마다의 확률(소프트맥스 출력이라 합이 1)이고, $t$는 정답 클래스로, $2$ 같은 레이블이나 $(0, 0, 1, 0, \\dots)$ 같은 원-핫 벡터로 씁니다.

**평균 제곱 오차**(책의 형태로 앞에 1/2이 붙습니다)는 모든 클래스의 차를 제곱해 더합니다:

$$E = \\frac{1}{2} \\sum_k (y_k - t_k)^2$$

**교차 엔트로피 오차**는 정답 클래스에 준 확률만 봅니다:

$$E = -\\sum_k t_k \\log (y_k + \\delta), \\qquad \\delta = 10^{-7}$$

$t_k = 1$인 항만 0이 아니므로 $E = -\\log y_{\\text{정답}}$입니다. 신경망이 정답을 확신하면 $0$이고, 정답에 작은 확률을 주면 커집니다. 작은 $\\delta$는 $\\log 0 = -\\infty$를 막아 줍니다. 책의 예처럼 클래스 2에 $0.6$을 주면 오차는 $0.0975$와 $0.5108$이고, $0.6$을 클래스 7로 옮기면 $0.5975$와 $2.3026$이 됩니다.

학습에는 **미니배치**를 씁니다. 훈련 숫자 60,000개에서 무작위로 $N$개를 뽑고(np.random.choice(60000, N), 중복 가능) 손실을 평균 냅니다:

$$E = -\\frac{1}{N} \\sum_n \\sum_k t_{nk} \\log (y_{nk} + \\delta)$$

원-핫 대신 레이블을 쓰면 같은 값이 $-\\frac{1}{N}\\sum_n \\log(y_{n, t_n} + \\delta)$입니다. 아래 출력은 막 초기화한(가중치가 아주 작은) 책의 2층 신경망에서 나온 것이라 모든 클래스가 $0.1$쯤을 받고, 손실은 $\\log 10 \\approx 2.30$ 근처입니다. 학습 전의 신경망은 찍을 뿐이니까요.
`
}
