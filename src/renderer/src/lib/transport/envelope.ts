import type { Envelope } from '../../../../shared/api'

/** An error the host reported; `code` is the envelope's error code ('invalid', 'not-found', …). */
export class LabError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'LabError'
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new LabError(envelope.error.code, envelope.error.message)
}
