/**
 * Tiny benchmark harness shared by the bench files: warm up, time several runs, keep the median.
 * A bench file calls `report` for each figure; scripts/bench.mjs collects the printed lines.
 *
 * Runs are timed in process CPU time (user + system, microsecond resolution), not wall-clock:
 * the bench machine is shared (2 cores, several agents), and CPU time does not count the time this
 * process waited for a core. It does count V8's helper threads (GC, compiler), which is real work.
 */

/** Seconds of CPU time this process has used so far. */
function cpuSeconds(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Values the measured functions return are folded in here so the JIT cannot drop the work. */
let sink = 0

/** Keeps a result alive (and makes the benchmark fail loudly on NaN-only outputs). */
export function consume(value: unknown): void {
  if (value instanceof Float64Array) sink += value.length + (value[value.length - 1] || 0)
  else if (typeof value === 'number') sink += value || 0
  else if (value !== null && typeof value === 'object') sink += Object.keys(value).length
}

export interface MeasureOptions {
  /** Work items processed by one call of `fn` (values, rows, bars). */
  readonly items: number
  /** Timed runs; the median is kept. Default 7. */
  readonly runs?: number
  /** Untimed runs first, so the JIT has optimised the code. Default 3. */
  readonly warmup?: number
}

/** Median items per second of `fn` over several timed runs, after warm-up runs. */
export function measure(fn: () => unknown, options: MeasureOptions): number {
  const runs = options.runs ?? 7
  for (let i = 0; i < (options.warmup ?? 3); i++) consume(fn())
  const rates: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = cpuSeconds()
    consume(fn())
    rates.push(options.items / (cpuSeconds() - t0))
  }
  rates.sort((a, b) => a - b)
  return rates[Math.floor(runs / 2)]!
}

/**
 * Median rates of `fn` and of a reference `baseline`, timed alternately so that both see the same
 * machine load (the bench machine is shared). Returns [fn rate, baseline rate].
 */
export function measurePair(
  fn: () => unknown,
  baseline: () => unknown,
  options: MeasureOptions,
): [number, number] {
  const runs = options.runs ?? 7
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    consume(fn())
    consume(baseline())
  }
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    for (const [f, rates] of [
      [fn, a],
      [baseline, b],
    ] as const) {
      const t0 = cpuSeconds()
      consume(f())
      rates.push(options.items / (cpuSeconds() - t0))
    }
  }
  const median = (r: number[]) => r.sort((x, y) => x - y)[Math.floor(r.length / 2)]!
  return [median(a), median(b)]
}

/** Prints one figure for scripts/bench.mjs (stdout) and a readable line (stderr). */
export function report(name: string, value: number, unit: string): void {
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 100) / 100
  console.log(`BENCH_RESULT ${JSON.stringify({ name, value: rounded, unit })}`)
  console.error(`${name.padEnd(56)} ${rounded.toLocaleString('en-US').padStart(14)} ${unit}`)
}

/** The sink, for a final sanity print (never 0 after real work). */
export function sinkValue(): number {
  return sink
}
