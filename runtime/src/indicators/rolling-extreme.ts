/**
 * Highest / lowest of the last `period` values (including the newest). The extreme of a window is
 * exact whatever the algorithm, so this matches MT5's re-scan of the window bit for bit; we keep
 * the running extreme and re-scan only when the value leaving the window was the extreme. On
 * market data that is 1.5-3x faster than a monotonic deque (measured with bench/); the worst case
 * (a steady one-way trend against the extreme) is one re-scan per value, like MT5 itself.
 * Shared by Donchian, Stochastic, Williams %R and Ichimoku.
 * @internal
 */

/** @internal Rolling maximum over the last `period` pushed values. */
export class RollingMax {
  private readonly buf: Float64Array
  private pos = 0
  private count = 0
  private max = -Infinity

  constructor(private readonly period: number) {
    this.buf = new Float64Array(period)
  }

  /** Pushes `x` and returns the maximum of the last `period` values. */
  push(x: number): number {
    const buf = this.buf
    const n = this.period
    const old = buf[this.pos]!
    buf[this.pos] = x
    if (++this.pos === n) this.pos = 0
    if (x >= this.max) this.max = x
    else if (this.count >= n && old === this.max) {
      let m = buf[0]!
      for (let k = 1; k < n; k++) if (buf[k]! > m) m = buf[k]!
      this.max = m
    }
    this.count++
    return this.max
  }
}

/** @internal Rolling minimum over the last `period` pushed values. */
export class RollingMin {
  private readonly buf: Float64Array
  private pos = 0
  private count = 0
  private min = Infinity

  constructor(private readonly period: number) {
    this.buf = new Float64Array(period)
  }

  /** Pushes `x` and returns the minimum of the last `period` values. */
  push(x: number): number {
    const buf = this.buf
    const n = this.period
    const old = buf[this.pos]!
    buf[this.pos] = x
    if (++this.pos === n) this.pos = 0
    if (x <= this.min) this.min = x
    else if (this.count >= n && old === this.min) {
      let m = buf[0]!
      for (let k = 1; k < n; k++) if (buf[k]! < m) m = buf[k]!
      this.min = m
    }
    this.count++
    return this.min
  }
}

/**
 * @internal Batch rolling maximum of `values[i-n+1..i]` into `out[i]` for every i (partial windows
 * at the start; callers overwrite the warm-up slots). Reads the source array directly, re-scanning
 * only when the value leaving the window was the maximum.
 */
export function rollingMaxInto(values: Float64Array, n: number, out: Float64Array): void {
  let max = -Infinity
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!
    if (x >= max) max = x
    else if (i >= n && values[i - n] === max) {
      max = values[i - n + 1]!
      for (let k = i - n + 2; k <= i; k++) if (values[k]! > max) max = values[k]!
    }
    out[i] = max
  }
}

/** @internal Batch rolling minimum; see `rollingMaxInto`. */
export function rollingMinInto(values: Float64Array, n: number, out: Float64Array): void {
  let min = Infinity
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!
    if (x <= min) min = x
    else if (i >= n && values[i - n] === min) {
      min = values[i - n + 1]!
      for (let k = i - n + 2; k <= i; k++) if (values[k]! < min) min = values[k]!
    }
    out[i] = min
  }
}
