// The lesson page of each kind (src/shared/kinds/ holds its section, title and order): the app
// shell routes to the page of the kind its sidebar entry names. A built-in kind without a page
// here is a type error.
import type { Component } from 'svelte'
import type { RunKind } from '../../../shared/config'
import type { LabApi } from '../../../shared/api'
import DerivativeLesson from './derivative/Lesson.svelte'
import DescentLesson from './descent/Lesson.svelte'
import GateLesson from './gate/Lesson.svelte'
import GradientLesson from './gradient/Lesson.svelte'
import LossLesson from './loss/Lesson.svelte'
import MnistLesson from './mnist/Lesson.svelte'
import PlaygroundLesson from './playground/Lesson.svelte'
import SimpleNetLesson from './simplenet/Lesson.svelte'
import Xor2Lesson from './xor2/Lesson.svelte'

export const lessonPages: { [K in RunKind]: Component<{ api: LabApi }> } = {
  loss: LossLesson,
  derivative: DerivativeLesson,
  gradient: GradientLesson,
  descent: DescentLesson,
  simplenet: SimpleNetLesson,
  gate: GateLesson,
  xor2: Xor2Lesson,
  mnist: MnistLesson,
  playground: PlaygroundLesson
}
