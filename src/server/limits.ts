// The browser host's bounds on work per client and for the whole host (README, Limits). A
// message or an answer of more than LARGE_BYTES is large: a client has at most one large
// import or export in flight, and all clients together at most HOST_LARGE_BYTES of them being
// received, built or sent; past either, the call is refused with a message naming the limit
// before its work starts.
import { MAX_MESSAGE_BYTES } from '../shared/run-budget'

/** Calls and answers above this are large (a run file; every other call and answer is far smaller). */
export const LARGE_BYTES = 1024 * 1024

/** Large messages and answers in flight host-wide, in bytes: one run file at the size limit. */
export const HOST_LARGE_BYTES = MAX_MESSAGE_BYTES

/**
 * A socket that stops in the middle of a frame (or of its HTTP request) for this long is closed,
 * and so is one that does not answer a ping within it (browsers answer pings by themselves).
 */
export const SOCKET_TIMEOUT_MS = 30_000

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/** Bytes reserved by the large calls in flight, host-wide. */
export class LargeWork {
  private used = 0

  constructor(private readonly limit = HOST_LARGE_BYTES) {}

  /** Reserves `bytes`, or returns why not. */
  reserve(bytes: number): string | null {
    if (this.used + bytes <= this.limit) {
      this.used += bytes
      return null
    }
    return `the host is already receiving or building ${mib(this.used)} of run files for its clients, and takes at most ${mib(this.limit)} at once; try again when they are done`
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }
}

export const ONE_PER_CLIENT =
  'this client already has a run file import or export in flight, and each client has at most one at a time; try again when it is done'
