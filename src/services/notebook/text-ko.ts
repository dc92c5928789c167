// The notebook's words in Korean.
import type { NotebookText } from './text'
import { duration } from './duration'
import { chapter4Text } from './text-chapter4'
import { isLive } from '../../shared/status'

const kindName = { loss: '손실 함수 (4.2)', derivative: '수치 미분 (4.3)', gradient: '기울기 (4.4)', descent: '경사 하강법 (4.4.1)', simplenet: 'SimpleNet (4.4.2)', gate: '논리 게이트 (4.5.1)', xor2: '2층 XOR (4.5.2)', mnist: 'MNIST 2층 신경망 (4.5.3)', playground: '놀이터' }
const formulationName = { textbook: '교과서', standard: '표준', twolayernet: '5장 TwoLayerNet' }
const time = (m: number): string => duration(m, { underOne: '1분 이내', minutes: '약 {n}분', hours: '약 {n}시간' })

export const ko: NotebookText = {
  lang: 'ko',
  chapter4: chapter4Text.ko,
  title: (name, id, kind) => `# ${name}\n\n${kindName[kind]} 실행인 Gradient Lab의 ${id}번 실행을 numpy로 다시 만듭니다.`,
  intro: (steps) =>
    `이 노트북은 같은 신경망을 랩과 같은 시드, 같은 난수 추출, 같은 학습률과 같은 반복으로 다시 학습합니다. 코드는 4장의 방식 그대로입니다. ` +
    `마지막에는 계산한 값을 랩이 저장한 값(기록된 ${steps}개 단계 각각의 손실, 그리고 랩이 보관한 다른 값)과 비교하고, ` +
    `마지막 줄에 \`max relative difference: X over N logged steps\`를 출력합니다.\n\n` +
    `Python 3와 numpy만 있으면 됩니다. 셀을 위에서부터 차례로 실행하세요 (Jupyter의 *Run All*, 또는 코드 셀을 순서대로 실행하는 어떤 도구든 좋습니다).`,
  status: (status, last, total) =>
    status === 'done'
      ? ''
      : isLive(status)
        ? `*내보낼 때 이 실행은 아직 학습 중이었습니다. 노트북은 저장된 단계가 끝나는 곳(${total}개 중 ${last}번째 단계)에서 멈춥니다.*`
        : `*이 실행은 ${last}번째 단계(전체 ${total})에서 일찍 끝났습니다 (${status}). 노트북도 그곳에서 멈춥니다.*`,
  config:
    `## 1. 실행 설정\n\n노트북을 내보낼 때 랩에서 복사한 값입니다. ` +
    `아래 학습은 \`run_until\`에서 멈춥니다: 끝까지 마친 실행은 설정한 길이, 아니면 랩이 저장한 마지막 단계입니다.`,
  stored: (steps, float32) =>
    `## 5. 랩이 저장한 값\n\n기록된 ${steps}개 단계의 번호와 손실` +
    (float32
      ? `, 측정한 정확도, 그리고 마지막 가중치입니다. 랩은 데이터베이스를 작게 유지하려고 MNIST 가중치를 float32로 저장하므로, 가중치는 float32 정밀도까지 비교합니다.`
      : `, 그리고 랩이 보관한 마지막 값들입니다. 모든 숫자를 전부 적어 두었으므로 Python은 랩의 float64 값을 정확히 그대로 읽습니다.`),
  compare:
    `## 6. 비교\n\n각 단계의 손실(과 각 정확도)의 상대 차이는 |우리 값 − 랩 값| / |랩 값|이고, 가중치 배열은 ` +
    `가장 큰 |우리 값 − 랩 값|을 처음이나 끝에서 배열의 가장 큰 |값|으로 나눈 값입니다 (XOR을 배우지 못하는 뉴런처럼 ` +
    `0 근처에서 끝나는 가중치는 그 자체로는 쓸모 있는 상대 오차가 없습니다). 마지막 줄은 이 중 가장 큰 값을 보고합니다. ` +
    `정확한 범위에 머무는 실행은 1e-9 이내로 일치하며, 남는 차이는 반올림 오차입니다 (numpy는 랩과 다른 순서로 더합니다).`,
  comment: {
    editedW: '랩에서 편집한 W (randn(2,3) 대신)',
    stepZero: '단계 0: 업데이트 전의 손실',
    endedEarly: (step) => `저장된 실행은 ${step}번째 단계에서 끝납니다`,
    gateBackprop: '시그모이드 출력과 cross_entropy_error_for_bin에서 dL/dA = 0.5 * (y - t)',
    schedule: '(학습률, 에폭 수): 다음 구간은 앞 구간이 끝난 곳에서 이어서 학습합니다',
    xorBroadcast: '(4,1) + (2,)는 (4,2)로 브로드캐스트: 두 은닉 유닛이 같은 가중합을 봅니다',
    xorShared: 'W1은 그 공유된 합을 통해 두 은닉 유닛에 닿습니다',
    idxNames: '압축하지 않았거나 .gz, 이름은 train-images-idx3-ubyte 또는 train-images.idx3-ubyte',
    chunks: 'x·W1을 10,000장씩: 한 번에 하면 numpy가 x 전체의 float64 사본을 만듭니다',
    wholeSoftmax: 'predict()처럼 행렬 전체에 대한 이 장의 softmax',
    rowSoftmax: '행별 softmax는 순서를 바꾸지 않으므로 argmax는 A2에서 구합니다',
    textbookBackprop: '배치 전체에 대한 y = exp(A2) / sum(exp(A2))일 때 0.5*sum(-t log y - (1-t) log(1-y))의 정확한 도함수',
    standardBackprop: '-sum(t log(y + 1e-7)) / B의 정확한 도함수 (1e-7 포함)',
    twolayernetBackprop: 'Softmax-with-Loss의 역전파 (y - t) / B: 1e-7에서 오는 인수 y_t / (y_t + 1e-7)은 빠집니다',
    textbookChange: '각 미세 변화에 대한 손실 변화: exp(A2)가 de, 그 합 S가 dS, y = e/S가 dy만큼 움직입니다',
    standardChange: '각 미세 변화에 대한 손실 변화, 행마다: 각 행의 softmax가 dy만큼 움직입니다',
    hiddenChange: 'sigmoid(a + d) - sigmoid(a)를 상쇄 없이 계산',
    saturated: 'exp(-a)가 넘치는 곳에서는 numpy가 계산하듯 양쪽 sigmoid가 모두 0',
    zeroPixels: '배치 전체에서 0인 픽셀의 기울기는 정확히 0',
    memory: '배열을 작게 유지하기 위한 블록당 픽셀 수',
    checkBatch: '전역 난수 상태를 건드리지 않도록 처음 이미지들',
    brightest: '이 배치에서 잉크가 가장 많은 픽셀: 그 첫 세 가중치',
    lossAfter: '이 장처럼: 업데이트 후의 배치 손실',
    lossBefore: '기울기를 구한 곳(업데이트 전)의 배치 손실',
    customPoints: '이 실행의 점 (직접 찍었거나 CSV에서 읽은 점): 각 점의 x1, x2와 레이블',
    edits: '실습실에서 손으로 바꾼 가중치 (분기): (몇 번째 에폭 뒤, 매개변수, 행, 열, 값); 0은 첫 에폭 전',
    diverges: '학습률이 너무 크면 x가 아주 큰 값이 됩니다. 그때 numpy가 내는 경고를 끕니다'
  },
  label: {
    loss: '기록된 각 단계의 손실',
    trainAcc: '훈련 정확도',
    testAcc: '시험 정확도',
    testLoss: '시험 손실',
    finalParam: (name) => `마지막 단계의 ${name}`,
    output: (name) => `마지막 ${name}`
  },
  missingMnist:
    'MNIST 파일 {name}(또는 {name}.gz)이 {folder}에 없습니다. 네 개의 IDX 파일을 그 폴더에 두거나, MNIST_DIR을 파일이 있는 폴더로 설정하세요.',
  simplenet: {
    functions:
      `## 2. 이 장의 함수\n\n4.4.2절의 \`softmax\`(가장 큰 값을 빼서 계산)와 로그 안에 \`delta\`(노트북의 1e-4, 또는 책의 ` +
      `\`common/functions.py\`의 1e-7)를 더하는 \`cross_entropy_error\`, ` +
      `그리고 \`numerical_gradient\`: 각 가중치를 제자리에서 ±h만큼 움직이는 중심 차분입니다.`,
    model: `## 3. SimpleNet\n\n\`np.random.seed(seed); np.random.randn(2, 3)\`으로 뽑은 2×3 가중치 행렬 하나; p = x·W, 그다음 softmax와 손실.`,
    training:
      `## 4. 기울기와 경사 하강\n\n처음 손실이 단계 0입니다. 이후 각 단계는 수치 기울기로 \`W -= lr * dW\`를 하고 ` +
      `손실을 기록합니다. 마지막에 기울기 dW를 한 번 더 구합니다.`
  },
  table: {
    functions:
      `## 2. 이 장의 함수\n\n\`sigmoid\`, 0/1 정답을 위한 손실 \`cross_entropy_error_for_bin\` ` +
      `(이 장이 쓴 대로, 보통의 이진 교차 엔트로피의 절반), 그리고 \`differential\`: 각 매개변수를 제자리에서 ±h만큼 움직이는 ` +
      `중심 차분입니다. \`X\`는 진리표의 네 입력 행입니다.`,
    training:
      `## 4. 학습\n\n각 에폭은 먼저 모든 기울기를 구하고, 모든 매개변수를 업데이트한 다음, 네 행에 대한 손실을 계산합니다: ` +
      `그 에폭의 손실입니다. \`train_loss_list[i]\`는 i + 1번째 에폭 후의 손실입니다.`
  },
  gate: {
    model: (backprop) =>
      `## 3. 뉴런\n\ny = sigmoid(X·w + b). \`np.random.seed(seed)\` 다음 \`weights = randn(2)\`, \`bias = rand(1)\` 순서로 뽑습니다. ` +
      (backprop
        ? `이 실행은 **오차역전파**를 썼습니다: 기울기는 정확한 도함수 dL/dw = Xᵀ·0.5(y − t)입니다.`
        : `기울기는 이 장처럼 수치 미분으로 구합니다.`)
  },
  playground: {
    functions:
      `## 2. 데이터와 신경망의 부품\n\n각 생성기는 numpy의 전역 난수 생성기에서 정해진 순서로 (배열 단위로) 점을 뽑은 뒤 잡음을 더합니다. ` +
      `같은 시드면 랩과 같은 점이 나옵니다. 특징은 x1과 x2로 계산하고, 활성화 함수의 미분은 이 장의 역전파 계층처럼 층의 출력으로 씁니다.`,
    model: (custom) =>
      `## 3. 신경망\n\n` +
      (custom ? `데이터셋은 아래에 적힌 이 실행의 점입니다. ` : `데이터셋을 시드로 다시 뽑습니다. `) +
      `무작위 순열로 훈련 데이터와 시험 데이터를 나누고, 가중치를 층마다 뽑습니다 (편향은 0에서 시작). ` +
      `출력은 클래스가 둘이면 시그모이드, 더 많으면 소프트맥스이고, 손실은 예제에 대한 평균입니다. ` +
      `기울기는 바로 이 단계들을 거슬러 가는 역전파, 또는 같은 손실의 중심 차분(이 장의 수치 미분)입니다.`,
    training:
      `## 4. 학습\n\n에폭마다 훈련 데이터를 새 무작위 순서로 돌며 (미니배치가 데이터보다 작을 때) 미니배치마다 경사 하강법을 한 번 적용하고, ` +
      `그다음 훈련 데이터와 시험 데이터의 손실과 정확도를 잽니다.`
  },
  xor2: {
    model: (backprop) =>
      `## 3. 2층 신경망\n\n이 장의 XOR 신경망을 특이한 점까지 그대로: W1의 가중치가 두 개라서 X·W1은 한 열이고, 두 은닉 유닛이 ` +
      `그것을 함께 쓰며 편향만 다릅니다. 뽑는 순서: W1 = randn(2), b1 = rand(2), W2 = randn(2), b2 = rand(1). ` +
      (backprop ? `이 실행은 기울기에 **오차역전파**를 썼습니다.` : `기울기는 이 장처럼 수치 미분으로 구합니다.`),
    training:
      `## 4. 스케줄에 따른 학습\n\n스케줄의 구간마다 에폭당 하나의 학습률을 씁니다. 신경망은 앞 구간이 멈춘 곳에서 이어서 학습합니다. ` +
      `각 에폭: 모든 기울기, 모든 업데이트, 그다음 손실.`
  },
  descent: {
    functions:
      `## 2. 이 장의 함수\n\n\`numerical_gradient\`: x의 각 좌표를 제자리에서 ±h만큼 움직였다가 되돌리는 중심 차분, ` +
      `그리고 이 실행이 내려간 함수 f(x0, x1)입니다.`,
    model:
      `## 3. 경사 하강법\n\n4.4.1절의 \`gradient_descent\`: \`init_x\`에서 시작해 \`step_num\`번 x ← x − lr·∇f(x)를 하고, ` +
      `매번 갱신하기 전의 점을 \`x_history\`에 모읍니다. 받은 배열을 바꾸므로 \`init_x\`의 복사본을 넘깁니다.`,
    training:
      `## 4. 하강\n\n\`path[k]\`는 k번 갱신한 뒤의 점입니다: \`path[0]\`은 시작점(랩의 0단계), ` +
      `\`path[-1]\`은 gradient_descent가 돌려주는 x입니다.`,
    pointLabel: '기록된 각 단계의 x'
  },
  mnist: {
    data:
      `## MNIST\n\n네 개의 IDX 파일(압축하지 않았거나 \`.gz\`)을 환경 변수 \`MNIST_DIR\`이 가리키는 폴더에서, 없으면 ` +
      `이 노트북 옆의 \`./mnist\`에서 읽습니다. 픽셀은 \`load_mnist(normalize=True)\`가 주는 대로, 랩이 읽는 대로 ` +
      `float32 \`pixel / 255\`가 됩니다.`,
    timing: (numpy, lab, naive) =>
      `### 걸리는 시간\n\n이 장의 \`numerical_gradient\`는 약 50,000개 매개변수를 하나씩 움직이고, 그때마다 신경망 전체를 두 번 ` +
      `계산합니다: 은닉 64, 배치 100에서 반복당 약 30초, 이 실행에는 ${time(naive)}입니다. 이 노트북은 같은 중심 차분을 ` +
      `각 미세 변화가 출력에 주는 변화로부터 여러 매개변수를 한꺼번에 계산하므로, 손실 변화가 큰 두 손실의 반올림에 묻히지 않습니다: ` +
      `2코어 컴퓨터에서 이 실행에 **${time(numpy)}** (은닉 64에서 반복당 약 3초). 랩의 엔진은 ${time(lab)} 걸립니다. ` +
      `아래의 확인 셀은 가중치 세 개에서 두 방법을 비교합니다.`,
    functions: (formulation) =>
      `## 2. 이 장의 함수\n\n` +
      {
        textbook: `**교과서** 방식, 이 장의 노트북 그대로: 배치 행렬 전체에 대한 \`softmax\`(빼기 없이, 합 하나)와 손실 \`cross_entropy_error_for_bin\`.`,
        standard: `**표준** 방식: 행마다 안정적인 softmax와 평균 교차 엔트로피 \`cross_entropy_error_for_batch\` (delta 1e-7).`,
        twolayernet:
          `**twolayernet** 방식, 책 5장의 \`TwoLayerNet\`: 표준 방식과 같은, 행마다 안정적인 softmax와 평균 교차 엔트로피 ` +
          `\`cross_entropy_error_for_batch\` (delta 1e-7). 표준 방식과 다른 점은 두 가지 규칙입니다: 오차역전파 기울기, 그리고 ` +
          `손실을 기록하는 시점 (둘 다 아래에서 설명합니다).`
      }[formulation],
    model: (formulation, gradient) =>
      `## 3. 2층 신경망\n\n784 → 은닉 (시그모이드) → 10 (softmax, ${formulationName[formulation]}). 가중치: \`np.random.seed(seed)\` 다음 ` +
      `\`0.01 * randn(784, hidden)\`, \`0.01 * randn(hidden, 10)\`; 편향은 0. ` +
      (gradient === 'numerical'
        ? `기울기는 **수치 미분**(h를 쓰는 중심 차분)이며 여러 매개변수를 한꺼번에 계산합니다. 마지막 줄들에서 이 장의 \`numerical_gradient\`와 비교합니다.` +
          (formulation === 'twolayernet' ? ` 손실 자체의 도함수이므로 여기서는 표준 방식과 같은 기울기입니다.` : '')
        : formulation === 'twolayernet'
          ? `기울기는 \`TwoLayerNet.gradient\`가 계산하는 **오차역전파**입니다: 출력에서는 Softmax-with-Loss의 역전파(5.6.3절) ` +
            `\`dA2 = (y − t) / B\`. 이것은 위 손실의 정확한 도함수와 조금 다릅니다: 로그 안의 1e-7 때문에 정확한 도함수에는 각 행마다 ` +
            `인수 \`y_t / (y_t + 1e-7)\`가 곱해지는데, 책은 이 인수를 생략합니다. 두 기울기의 상대 차이는 최대 1e-7 / y_t이지만, 반복이 ` +
            `많아지면 twolayernet 실행과 표준 실행의 가중치는 조금씩 벌어집니다.`
          : `기울기는 **오차역전파**, 이 방식의 손실의 정확한 도함수입니다.`),
    training: (formulation) =>
      `## 4. 학습\n\n각 반복은 가중치를 뽑은 것과 같은 난수 상태에서 \`np.random.choice(train_size, batch_size)\`로 배치를 뽑고, ` +
      `기울기를 구해 모든 매개변수를 업데이트합니다. ` +
      {
        textbook: `기록하는 손실은 이 장의 반복문처럼 업데이트 후의 배치 손실입니다.`,
        standard: `기록하는 손실은 기울기를 구한 매개변수에서의 배치 손실입니다 (학습 라이브러리들이 보고하는 값).`,
        twolayernet:
          `기록하는 손실은 책의 학습 반복문이 \`train_loss_list\`에 넣는 것처럼 업데이트 후의 배치 손실입니다: ` +
          `반복마다 순전파가 한 번 더 들고, 표준 방식의 손실보다 업데이트 한 번만큼 앞선 값입니다.`
      }[formulation] +
      ` 훈련·시험 정확도는 \`eval_every\` 반복마다(\`eval_schedule = 'book'\`이면 책의 \`train_neuralnet.py\`처럼 1번째 반복 후와 ` +
      `그 뒤 \`max(train_size / batch_size, 1)\` 반복마다), 그리고 마지막 반복 후에 측정합니다.`,
    chaos:
      `**반올림의 혼돈.** 긴 교과서 실행은 반올림 오차를 키웁니다. 같은 수를 다른 순서로 더하는 두 올바른 프로그램(numpy의 BLAS와 ` +
      `랩의 엔진, 또는 두 numpy 빌드)은 점점 벌어집니다. 이 장의 실행(은닉 64, 100회 반복)에서 이 노트북과 랩은 30번째 반복까지 약 1e-15로 ` +
      `일치하고, 그 뒤 차이가 커집니다: 35번째에 약 1e-12, 50번째에 1e-10, 75번째에 1e-9, 98번째에 1e-6이며, 이때 훈련 정확도가 이미지 ` +
      `한두 장만큼(상대 3e-5) 달라집니다. 반올림이 훨씬 큰 이 장의 원소별 numerical_gradient로는 25번째 반복에서 1e-10을 넘고 98번째에 ` +
      `약 1e-2에 이릅니다. 그래서 이 실행의 비교는 찾은 차이를 그대로 보고합니다. 여기서 큰 값이 나와도 어느 프로그램의 버그가 아닙니다. ` +
      `1e-9 한계는 정확한 범위에 머무는 실행(짧은 실행, 표준 방식)에 대한 것입니다.`,
    rounding: `numpy의 행렬 곱(BLAS)은 랩의 엔진과 다른 순서로 더하므로, 두 결과는 비트 단위가 아니라 반올림 오차(약 1e-12 이하)까지 일치합니다.`
  }
}
