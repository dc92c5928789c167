// A failure the caller should see as-is (not found, busy, …), as opposed to a bug.
import type { ApiError } from '../shared/api'

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string
  ) {
    super(message)
  }
}
