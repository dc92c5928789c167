// The weight-space view's words, in both languages.
import { words } from '../../lib/i18n/index.svelte'

export const say = words({
  en: {
    title: 'Weight space: the loss over two parameters',
    across: 'Across',
    up: 'Up',
    held: 'The other parameters are held at step {step}’s values; the path is the run’s, seen on these two.',
    loss: 'loss L',
    mapLabel: 'Loss L over {a} and {b}, the path so far, the current point and its step −η∇L',
    plateau: '2 log 2 (every output 0.5)',
    onPlateau: 'On the plateau: L = {loss}, within {gap} of 2 log 2 ≈ 1.386, and the slope here is only |∇L| = {slope}.',
    noRun: 'Train or step the run to see where it walks.'
  },
  ko: {
    title: '가중치 공간: 두 매개변수 위의 손실',
    across: '가로',
    up: '세로',
    held: '나머지 매개변수는 {step} 단계의 값으로 고정합니다. 경로는 이 실행이 지나온 길을 이 두 축에서 본 것입니다.',
    loss: '손실 L',
    mapLabel: '{a}와 {b} 위의 손실 L, 지금까지의 경로, 현재 점과 그 걸음 −η∇L',
    plateau: '평탄면 1.386 (모든 출력 0.5)',
    onPlateau: '평탄한 곳입니다: L = {loss}, 모든 출력이 0.5일 때의 손실 1.386과 {gap} 차이이고 여기 기울기는 |∇L| = {slope}뿐입니다.',
    noRun: '실행을 학습하거나 한 단계 진행하면 어디로 걷는지 보입니다.'
  }
})
