// The landscape's own words in both languages (kept beside it: every map that uses it says the same).
import { words } from '../../i18n/index.svelte'

export const say = words({
  en: {
    asText: 'As text',
    offMap: 'The point left the map: it is at ({x}, {y}).',
    noValues: 'Nothing to draw: f has no finite value on this square.',
    summary: '{value} over {x} from {x0} to {x1} and {y} from {y0} to {y1}: lowest {lo} at ({lx}, {ly}), highest {hi}.',
    current: 'Current point ({x}, {y}): {value} = {v}.',
    arrow: 'The step −η∇ from it: ({dx}, {dy}).',
    path: 'Path of {n} points, from ({x0}, {y0}) to ({x1}, {y1}).',
    logScale: 'log scale'
  },
  ko: {
    asText: '글로 보기',
    offMap: '점이 지도 밖으로 나갔습니다: 지금 ({x}, {y})에 있습니다.',
    noValues: '그릴 것이 없습니다: 이 영역에서 f의 유한한 값이 없습니다.',
    summary: '{x} {x0}부터 {x1}까지, {y} {y0}부터 {y1}까지의 {value}: 최솟값 {lo} ({lx}, {ly}), 최댓값 {hi}.',
    current: '현재 점 ({x}, {y}): {value} = {v}.',
    arrow: '그 점에서의 한 걸음 −η∇: ({dx}, {dy}).',
    path: '경로 {n}개 점, ({x0}, {y0})에서 ({x1}, {y1})까지.',
    logScale: '로그 눈금'
  }
})
