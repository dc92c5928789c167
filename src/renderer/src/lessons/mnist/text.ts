// Lesson prose for 4.5.3, in our own words.
export const title = { en: '4.5.3 Reading handwritten digits', ko: '4.5.3 손글씨 숫자 읽기' }

export const text = {
  en: `
Each MNIST image is $28\\times 28 = 784$ pixels. A two-layer network maps them to 10 class probabilities:
$$Z_1 = \\sigma(xW_1 + b_1),\\qquad y = \\mathrm{softmax}(Z_1 W_2 + b_2)$$

Training uses **mini-batches**: each iteration draws a random batch (100 images), computes the gradient on that batch only, and updates all weights. That is stochastic gradient descent. 600 iterations of 100 images is one epoch.

**Standard + backprop** (the default) trains an epoch in seconds. The **textbook** formulation is the notebook's exact code: its softmax runs over the whole batch matrix and the loss is a halved binary cross-entropy. With the **numerical** gradient every one of the ~51,000 parameters is nudged twice per iteration, which is why the notebook ran only 100 iterations. Its run is chaotic: the last digit of rounding changes its late accuracies, so its printed numbers are drawn as crosses over yours.

Each column of $W_1$ is a hidden unit's view of the image: drawn as a $28\\times 28$ picture, it shows which pixels push that unit up (red) or down (blue).
`,
  ko: `
MNIST 이미지 한 장은 $28\\times 28 = 784$ 픽셀입니다. 2층 신경망이 이를 10개 클래스의 확률로 바꿉니다:
$$Z_1 = \\sigma(xW_1 + b_1),\\qquad y = \\mathrm{softmax}(Z_1 W_2 + b_2)$$

학습은 **미니배치**로 합니다. 반복마다 무작위로 100장을 뽑아 그 배치에서만 기울기를 구하고 모든 가중치를 갱신합니다. 이것이 확률적 경사 하강법입니다. 100장씩 600번 반복하면 1 에폭입니다.

기본값인 **표준 + 역전파**는 1 에폭을 몇 초 만에 학습합니다. **교재** 형태는 노트북 코드 그대로입니다. 소프트맥스를 배치 행렬 전체에 적용하고, 손실은 절반으로 나눈 이진 교차 엔트로피입니다. **수치 미분**을 쓰면 약 51,000개 매개변수를 반복마다 두 번씩 움직여야 해서 노트북은 100번만 반복했습니다. 그 실행은 혼돈적이라 반올림의 마지막 자리만 달라져도 후반 정확도가 바뀝니다. 그래서 노트북에 출력된 값을 여러분의 곡선 위에 × 표시로 겹쳐 보여 줍니다.

$W_1$의 각 열은 은닉 유닛 하나가 이미지를 보는 방식입니다. $28\\times 28$ 그림으로 그리면 어떤 픽셀이 그 유닛을 키우는지(빨강) 줄이는지(파랑) 보입니다.
`
}
