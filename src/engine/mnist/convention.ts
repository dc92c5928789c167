// When each formulation reports an iteration's loss (docs/models.md).
import type { Formulation } from '../types'

/**
 * The notebook's loop (textbook) and the book's TwoLayerNet loop report the batch loss after the
 * update, which costs a forward pass; standard reports the loss the gradient was taken at.
 */
export const lossAfterUpdate = (formulation: Formulation): boolean => formulation !== 'standard'
