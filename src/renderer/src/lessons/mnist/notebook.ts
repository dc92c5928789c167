// The MNIST lines the notebook printed (its run: textbook model, numerical gradient, seed 1,
// 784-64-10, batch 100, lr 0.1, h 1e-4). Its output is cut after iteration 11 and resumes at 88.
import type { MnistConfig } from '../../../../shared/config'
import { notebook } from '../../../../shared/kinds'

/** [iteration, cost, train accuracy, test accuracy] */
export const printed: [number, number, number, number][] = [
  [1, 402.8164838421469, 0.09871666666666666, 0.098],
  [2, 371.57567905511667, 0.09736666666666667, 0.0982],
  [3, 354.12208413052724, 0.10126666666666667, 0.1027],
  [4, 352.2199661695997, 0.10221666666666666, 0.101],
  [5, 346.23202071921105, 0.10411666666666666, 0.1027],
  [6, 347.68277491597735, 0.09946666666666666, 0.0988],
  [7, 352.57694522799136, 0.09765, 0.1005],
  [8, 348.12490008726587, 0.10136666666666666, 0.1035],
  [9, 345.65574279364773, 0.10428333333333334, 0.1],
  [10, 340.8321878450173, 0.09751666666666667, 0.0974],
  [88, 288.7753458727649, 0.5432, 0.5437],
  [89, 302.61241215699783, 0.5399, 0.5408],
  [90, 283.96032104154955, 0.6251666666666666, 0.6211],
  [91, 284.87820066264374, 0.66715, 0.6617],
  [92, 276.0302408935228, 0.68755, 0.6888],
  [93, 282.76912897609685, 0.7214833333333334, 0.7189],
  [94, 270.8816176076607, 0.74785, 0.7544],
  [95, 275.7640755414362, 0.7497333333333334, 0.7441],
  [96, 267.16212811279706, 0.76365, 0.7617],
  [97, 274.52023678670804, 0.7708, 0.7675]
]

/** Whether a run trains the notebook's model, so its printed numbers are comparable. */
export function isNotebookModel(c: MnistConfig): boolean {
  const n = notebook.mnist
  return (
    c.formulation === n.formulation &&
    c.gradient === n.gradient &&
    c.seed === n.seed &&
    c.hidden === n.hidden &&
    c.batch === n.batch &&
    c.lr === n.lr &&
    c.h === n.h
  )
}
