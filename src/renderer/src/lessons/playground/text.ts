// Lesson prose for the playground, in our own words.
export const title = { en: 'Playground: your own data, any small network', ko: '놀이터: 나만의 데이터, 작은 신경망 마음대로' }

export const text = {
  en: `
After 4.5.2 the questions come by themselves: what if the data were a circle? More neurons? ReLU instead of the sigmoid? Here you can try them.

Pick a data set (or place your own points on the map, or read them from a CSV file), the inputs the network sees, its hidden layers and their activation function, and train. Every point and every weight is drawn from the run's seed, so a run replays exactly and its notebook rebuilds it in numpy.

The training is the chapter's: each epoch goes through the training data in mini-batches and takes a step $W \\leftarrow W - \\eta\\,\\partial L/\\partial W$ for each, with the gradient from backpropagation or from the numerical differentiation of 4.3 (the gradient check compares the two). Two classes end in one sigmoid output, three in a softmax; the loss is the cross-entropy error $-\\log p_t$ of the true class, averaged.

Try the three-arm spiral with the suggested settings: the test accuracy passes 0.9. Then make the activation linear, the mini-batch 1000 (all the training data) and the learning rate 10, and watch what the chapter warns about: the loss does not come down, it blows up.
`,
  ko: `
4.5.2를 마치면 질문이 저절로 생깁니다. 데이터가 원 모양이라면? 뉴런을 더 늘리면? 시그모이드 대신 ReLU를 쓰면? 여기서 직접 해 볼 수 있습니다.

데이터셋을 고르고 (지도에 점을 직접 찍거나 CSV 파일에서 읽어도 됩니다), 신경망이 볼 입력과 은닉층, 활성화 함수를 정한 뒤 학습하세요. 모든 점과 가중치는 실행의 시드에서 뽑으므로, 실행은 그대로 다시 재생되고 노트북은 numpy로 똑같이 재현합니다.

학습은 이 장의 방식 그대로입니다. 에폭마다 훈련 데이터를 미니배치로 나누어 돌며, 미니배치마다 $W \\leftarrow W - \\eta\\,\\partial L/\\partial W$로 한 걸음 움직입니다. 기울기는 역전파나 4.3의 수치 미분으로 구하고, 기울기 확인이 둘을 비교합니다. 클래스가 둘이면 시그모이드 출력 하나, 셋이면 소프트맥스로 끝나며, 손실은 정답 클래스의 교차 엔트로피 오차 $-\\log p_t$의 평균입니다.

세 팔 나선을 추천 설정으로 학습해 보세요. 시험 정확도가 0.9를 넘습니다. 그다음 활성화 함수를 항등 (선형)으로, 미니배치를 1000 (훈련 데이터 전체)으로, 학습률을 10으로 바꾸고 이 장이 경고하는 일을 지켜보세요. 손실이 줄지 않고 폭발합니다.
`
}
