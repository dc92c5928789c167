import type { Envelope } from '../../../../shared/api'
import { parseProblem, type Problem } from '../../../../shared/problems'

/**
 * An error the host reported; `code` is the envelope's error code ('invalid', 'not-found', …),
 * `problem` the same as a code and its parameters (worded in the UI's language by describeError).
 */
export class LabError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problem?: Problem
  ) {
    super(message)
    this.name = 'LabError'
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  // checked like every payload that crosses a process boundary: a malformed one is dropped
  throw new LabError(envelope.error.code, envelope.error.message, parseProblem(envelope.error.problem))
}
