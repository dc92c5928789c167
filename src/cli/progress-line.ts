// Human mode's progress line on stderr: steps done, rate and time left. Rewritten in place on
// a terminal; an occasional plain line otherwise (logs, pipes).
export class ProgressLine {
  private readonly t0 = performance.now()
  private last = 0
  private shown = false

  constructor(
    private readonly unit: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr
  ) {}

  update(done: number): void {
    const now = performance.now()
    const every = this.out.isTTY ? 100 : 2000
    if (now - this.last < every && done < this.total) return
    this.last = now
    const seconds = (now - this.t0) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const eta = rate > 0 ? `${((this.total - done) / rate).toFixed(1)} s left` : 'time left unknown'
    const text = `${this.unit} ${done}/${this.total}  ${rate.toFixed(1)} ${this.unit}s/s  ${eta}`
    if (this.out.isTTY) {
      this.out.write(`\r${text}\x1b[K`)
      this.shown = true
    } else this.out.write(text + '\n')
  }

  end(): void {
    if (this.shown) this.out.write('\n')
    this.shown = false
  }
}
