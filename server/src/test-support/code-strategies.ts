/**
 * Hand-written strategy modules (code versions) for tests. `slowStrategy` burns about
 * `microsPerBar` of CPU on every bar so a run lasts long enough to watch, cancel or kill.
 */
export function slowStrategy(microsPerBar: number): string {
  return `export const defaultParams = {}
export function createStrategy() {
  let n = 0
  return {
    warmupBars: 0,
    onBar(ctx) {
      const until = performance.now() + ${microsPerBar / 1000}
      while (performance.now() < until) n++
      if (ctx.index % 50 === 10) ctx.enterLong()
      if (ctx.index % 50 === 40) ctx.exitLong()
    },
  }
}
`
}

/** A strategy that never returns from its first bar. */
export const STUCK_STRATEGY = `export const defaultParams = {}
export function createStrategy() { return { warmupBars: 0, onBar() { for (;;) {} } } }
`
