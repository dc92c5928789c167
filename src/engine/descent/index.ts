export { createDescentTrainer, descentStep, gradient2 } from './trainer'
export { function2, namedObjectives, type Objective2 } from './objective'
