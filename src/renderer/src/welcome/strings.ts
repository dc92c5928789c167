// The welcome page's words, en and ko (terms from docs/glossary.md).
import { words } from '../lib/i18n/index.svelte'

export const wt = words({
  en: {
    welcome: 'Welcome',
    title: 'Welcome to Gradient Lab',
    what: 'A lab for chapter 4 of “Deep Learning from Scratch”: you watch a neural network learn by gradient descent, one lesson per section of the chapter, and every number matches the chapter’s own code.',
    howTitle: 'How a lesson works',
    how: 'Each lesson explains one idea with its formulas. Change its settings, press Train (or Step, one update at a time) and watch the loss, the weights and the decision boundary move. You choose the pace.',
    mapTitle: 'The chapter, lesson by lesson',
    start: 'Start here',
    startHint: 'New to the chapter? Begin with the first lesson and go in order: each builds on the one before.',
    open: 'Open {lesson}',
    runsTitle: 'Where your runs are kept',
    runs: 'Every run you train is kept on this computer, in the database {file}. Open the runs library to replay, compare and export them (CSV, run files, notebooks).',
    runsUnknown: 'Every run you train is kept on this computer. Open the runs library to replay, compare and export them (CSV, run files, notebooks).',
    openLibrary: 'Open the runs library'
  },
  ko: {
    welcome: '처음 화면',
    title: 'Gradient Lab에 오신 것을 환영합니다',
    what: '“밑바닥부터 시작하는 딥러닝” 4장을 위한 실습실입니다. 신경망이 경사 하강법으로 학습하는 모습을 장의 절마다 한 단원씩 지켜보고, 모든 숫자는 책의 코드가 내는 값과 같습니다.',
    howTitle: '단원 사용법',
    how: '단원마다 한 가지 개념을 수식과 함께 설명합니다. 설정을 바꾸고 학습(또는 한 번에 한 번씩 갱신하는 한 단계)을 누르면 손실, 가중치, 결정 경계가 움직이는 모습을 볼 수 있습니다. 속도는 직접 고릅니다.',
    mapTitle: '4장의 단원',
    start: '여기서 시작',
    startHint: '4장이 처음이라면 첫 단원부터 차례로 보세요. 각 단원은 앞 단원 위에 쌓입니다.',
    open: '{lesson} 열기',
    runsTitle: '실행이 저장되는 곳',
    runs: '학습한 모든 실행은 이 컴퓨터의 데이터베이스 {file}에 저장됩니다. 실행 기록에서 다시 보고, 비교하고, 내보낼(CSV, 실행 파일, 노트북) 수 있습니다.',
    runsUnknown: '학습한 모든 실행은 이 컴퓨터에 저장됩니다. 실행 기록에서 다시 보고, 비교하고, 내보낼(CSV, 실행 파일, 노트북) 수 있습니다.',
    openLibrary: '실행 기록 열기'
  }
})
