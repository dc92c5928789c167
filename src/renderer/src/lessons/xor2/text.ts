// Lesson prose for 4.5.2, in our own words.
export const title = { en: '4.5.2 XOR needs a second layer', ko: '4.5.2 XOR에는 층이 하나 더 필요하다' }

export const text = {
  en: `
Add a hidden layer of two sigmoid units and XOR becomes learnable: each hidden unit draws its own line, and the output unit combines them.

$$Z_1 = \\sigma(xW_1 + b_1),\\qquad y = \\sigma(Z_1 W_2 + b_2)$$

A quirk of the notebook, kept here: $W_1$ has only two numbers, so $xW_1$ is **one** weighted sum, and $b_1$ (two numbers) is added to it by broadcasting. Both hidden units see the same sum and differ only by their bias, so their boundaries are **parallel lines**. Two parallel lines are still enough to cut out the XOR band.

Training starts slowly with $\\eta = 0.1$ for 1000 epochs, then continues on the same network with $\\eta = 0.3$ for 1000 more. Edit the schedule to see how the learning rate changes the pace.
`,
  ko: `
시그모이드 유닛 두 개짜리 은닉층을 더하면 XOR을 배울 수 있습니다. 은닉 유닛마다 직선을 하나씩 긋고, 출력 유닛이 그 둘을 조합합니다.

$$Z_1 = \\sigma(xW_1 + b_1),\\qquad y = \\sigma(Z_1 W_2 + b_2)$$

노트북의 특이한 점을 그대로 살렸습니다. $W_1$은 숫자 두 개뿐이라 $xW_1$은 가중합 **하나**이고, 숫자 두 개인 $b_1$이 브로드캐스팅으로 더해집니다. 두 은닉 유닛은 같은 가중합을 보고 편향만 다르므로 경계가 **평행한 두 직선**이 됩니다. 평행한 두 직선으로도 XOR의 띠 모양 영역을 잘라낼 수 있습니다.

학습은 $\\eta = 0.1$로 1000 에폭 천천히 진행한 뒤, 같은 신경망에서 $\\eta = 0.3$으로 1000 에폭 더 이어 갑니다. 일정을 바꿔 학습률이 속도를 어떻게 바꾸는지 확인해 보세요.
`
}
