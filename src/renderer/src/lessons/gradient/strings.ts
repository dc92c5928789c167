// Lesson 4.4's own UI strings.
import { words } from '../../lib/i18n/index.svelte'

export const say = words({
  en: {
    f: 'f(x0, x1)',
    fHint: 'function_2, or an expression in x0 and x1 such as x0**2 - x1**2',
    x0: 'x0',
    x1: 'x1',
    bookPoints: 'The book’s points',
    gradient: 'Gradient at the point',
    numerical: 'numerical_gradient (h = 1e-4)',
    exact: 'exact (symbolic)',
    undefinedValue: 'undefined',
    map: 'Map of f with −∇f',
    mapLabel: 'Heat map of f(x0, x1) with contour lines, the arrows of −∇f on the book’s grid, and the chosen point',
    value: 'f(x0, x1)',
    arrowScale: 'Arrows are −∇f scaled by {k} so the longest spans one grid step; the bold arrow at the point shows only the direction of −∇f there (its length is fixed).',
    pick: 'Click or drag on the map to choose the point.',
    field: '−∇f on the book’s grid',
    minusD0: '−∂f/∂x0',
    minusD1: '−∂f/∂x1'
  },
  ko: {
    f: 'f(x0, x1)',
    fHint: 'function_2, 또는 x0**2 - x1**2 같은 x0과 x1의 식',
    x0: 'x0',
    x1: 'x1',
    bookPoints: '책의 점',
    gradient: '그 점의 기울기',
    numerical: 'numerical_gradient (h = 1e-4)',
    exact: '정확한 값 (기호 미분)',
    undefinedValue: '정의되지 않음',
    map: 'f의 지도와 −∇f',
    mapLabel: 'f(x0, x1)의 히트맵과 등고선, 책의 격자 위 −∇f 화살표, 고른 점',
    value: 'f(x0, x1)',
    arrowScale: '화살표는 가장 긴 것이 격자 한 칸이 되도록 −∇f에 {k}를 곱해 그렸습니다. 점의 굵은 화살표는 그곳의 −∇f 방향만 보여 줍니다(길이는 고정).',
    pick: '지도를 클릭하거나 끌어서 점을 고르세요.',
    field: '책의 격자 위 −∇f',
    minusD0: '−∂f/∂x0',
    minusD1: '−∂f/∂x1'
  }
})
