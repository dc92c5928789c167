// The host's log of dropped clients. A flood (hundreds of bad upgrades a second) must not
// become a flood of lines: at most LINES_PER_SECOND a second, then one line counting the rest.
export type HostLog = (line: string) => void

const LINES_PER_SECOND = 5

export function hostLog(write: (line: string) => void, now: () => number = Date.now): HostLog {
  let windowStart = -Infinity
  let written = 0
  let suppressed = 0
  return (line) => {
    const t = now()
    if (t - windowStart >= 1000) {
      if (suppressed) write(`(${suppressed} more like these in the last second not shown)`)
      windowStart = t
      written = 0
      suppressed = 0
    }
    if (written < LINES_PER_SECOND) {
      written++
      write(line)
    } else suppressed++
  }
}
