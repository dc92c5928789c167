export { createDescentTrainer, descentStep, gradient2 } from './trainer'
export type { Objective2 } from './objective'
