// The words of the notebooks of lessons 4.2, 4.3 and 4.4, in both languages.
export interface Chapter4Text {
  loss: { functions: string; training: string }
  derivative: { functions: string; training: string }
  gradient: { functions: string; training: string }
  /** The model section of these runs: there is no network, only the function. */
  noModel: string
}

export const chapter4Text: Record<'en' | 'ko', Chapter4Text> = {
  en: {
    loss: {
      functions: "## 2. The chapter's functions\n\nSection 4.2's mean squared error (with the book's 1/2) and cross-entropy error with delta 1e-7.",
      training: '## 4. The losses\n\nBoth losses of y against the one-hot t.'
    },
    derivative: {
      functions:
        "## 2. The chapter's functions\n\nThe function, and section 4.3's differences: the book's `numerical_diff` (central) and the forward one. " +
        'x is a one-element array so numpy squares by x*x, as the lab does; float32 runs compute in np.float32 throughout.',
      training: '## 4. The derivative\n\nThe numerical derivative at x.'
    },
    gradient: {
      functions: "## 2. The chapter's functions\n\nThe function of x = (x0, x1), and the book's `numerical_gradient`: central differences, one coordinate at a time, moved in place and put back.",
      training: '## 4. The gradient\n\nThe numerical gradient at the point.'
    },
    noModel: '## 3. The model\n\nNo network here: the run is one computation on the function above.'
  },
  ko: {
    loss: {
      functions: '## 2. 이 장의 함수\n\n4.2절의 평균 제곱 오차(책처럼 1/2을 곱함)와 delta 1e-7인 교차 엔트로피 오차입니다.',
      training: '## 4. 손실\n\n원-핫 t에 대한 y의 두 손실입니다.'
    },
    derivative: {
      functions:
        '## 2. 이 장의 함수\n\n함수와 4.3절의 차분: 책의 `numerical_diff`(중심 차분)와 전방 차분입니다. ' +
        'x는 원소 하나짜리 배열이라 numpy가 랩처럼 x*x로 제곱합니다. float32 실행은 처음부터 끝까지 np.float32로 계산합니다.',
      training: '## 4. 미분\n\nx에서의 수치 미분입니다.'
    },
    gradient: {
      functions: '## 2. 이 장의 함수\n\nx = (x0, x1)의 함수와 책의 `numerical_gradient`: 좌표 하나씩 그 자리에서 옮겨 중심 차분을 구하고 되돌립니다.',
      training: '## 4. 기울기\n\n그 점에서의 수치 기울기입니다.'
    },
    noModel: '## 3. 모델\n\n여기에는 신경망이 없습니다. 실행은 위 함수에 대한 계산 하나입니다.'
  }
}
