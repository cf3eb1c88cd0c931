/**
 * Turns the sandbox's per-bar progress into rate-limited writes: a new percentage at most every
 * `intervalMs`, a log line at each quarter, one write in flight at a time. `write` resolves to
 * false when the run no longer belongs to this attempt; then `onLost` fires once.
 */
export function createProgressReporter(options: {
  readonly from: number
  readonly to: number
  readonly intervalMs?: number
  readonly write: (progress: number, line?: string) => Promise<boolean>
  readonly onLost: () => void
}): { report(barIndex: number, total: number): void; flush(): Promise<void> } {
  const interval = options.intervalMs ?? 250
  let last = -1
  let lastAt = 0
  let quarter = 0
  let pending: Promise<void> = Promise.resolve()
  let busy = false
  let lost = false
  // A quarter line that came due while a write was in flight goes out with the next write.
  let dueLine: string | undefined
  return {
    report(barIndex, total) {
      if (lost) return
      const share = (barIndex + 1) / total
      const progress = Math.floor(options.from + share * (options.to - options.from))
      const nextQuarter = Math.floor(share * 4)
      if (nextQuarter > quarter && nextQuarter < 4) {
        quarter = nextQuarter
        dueLine = `${nextQuarter * 25}% (bar ${(barIndex + 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')})`
      }
      if (busy) return
      const line = dueLine
      if (line === undefined && (progress === last || Date.now() - lastAt < interval)) return
      dueLine = undefined
      last = progress
      lastAt = Date.now()
      busy = true
      pending = options.write(progress, line).then(
        (owned) => {
          busy = false
          if (!owned && !lost) {
            lost = true
            options.onLost()
          }
        },
        (error: unknown) => {
          busy = false
          console.error('Writing backtest progress failed:', error)
        },
      )
    },
    flush: () => pending,
  }
}
