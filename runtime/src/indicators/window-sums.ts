/**
 * Window sums in MetaQuotes' exact summation order, shared by the indicators that re-sum their
 * window every bar (Bollinger Bands, StdDev, CCI). `end` is the index of the newest value; the
 * window is a[end - n + 1 .. end]. Streaming callers keep a doubled ring buffer so that the last
 * n values are always contiguous (see `WindowBuffer`).
 * @internal
 */

/** @internal `SimpleMA()` in MovingAverages.mqh: 0.0 + a[end] + a[end-1] + ... (newest first). */
export function sumNewestFirst(a: Float64Array, end: number, n: number): number {
  let r = 0.0
  for (let k = 0; k < n; k++) r += a[end - k]!
  return r
}

/** @internal Sum of (a[j] - mid)^2 over the window, newest first (BB.mq5 / StdDev.mq5 StdDev_Func). */
export function sumSquaredDeviation(a: Float64Array, end: number, n: number, mid: number): number {
  let r = 0.0
  for (let k = 0; k < n; k++) {
    // MathPow(x, 2.0) is x * x exactly: both are the correctly rounded square.
    const d = a[end - k]! - mid
    r += d * d
  }
  return r
}

/** @internal Sum of |a[j] - mid| over the window, newest first (CCI.mq5). */
export function sumAbsDeviation(a: Float64Array, end: number, n: number, mid: number): number {
  let r = 0.0
  for (let k = 0; k < n; k++) r += Math.abs(a[end - k]! - mid)
  return r
}

/**
 * @internal `LinearWeightedMA()` in MovingAverages.mqh: sum of a[end-n+k] * k for k = 1..n (oldest
 * first, weight 1 for the oldest), divided by the integer weight sum.
 */
export function linearWeightedMean(a: Float64Array, end: number, n: number): number {
  let sum = 0.0
  let wsum = 0
  for (let i = n; i > 0; i--) {
    wsum += i
    sum += a[end - i + 1]! * (n - i + 1)
  }
  return sum / wsum
}

/**
 * @internal The last `n` values, always contiguous: each value is written twice, at slot s and
 * s + n, so the window is buf[s + 1 .. s + n] with the newest at `end = s + n`.
 */
export class WindowBuffer {
  readonly buf: Float64Array
  /** Index of the newest value in `buf` (valid once `count >= 1`). */
  end = 0
  count = 0
  private slot = 0

  constructor(private readonly n: number) {
    this.buf = new Float64Array(2 * n)
  }

  push(x: number): void {
    const s = this.slot
    this.buf[s] = x
    this.buf[s + this.n] = x
    this.end = s + this.n
    this.slot = s + 1 === this.n ? 0 : s + 1
    this.count++
  }
}

/**
 * @internal Four windows at once, ending at end, end+1, end+2 and end+3: out[j] gets exactly
 * `sumNewestFirst(a, end + j, n)`. Each window keeps its own sequential order (so results are
 * bit-identical); interleaving four independent addition chains lets the CPU overlap them,
 * which roughly halves the time of the re-summing indicators.
 */
export function sumNewestFirst4(a: Float64Array, end: number, n: number, out: Float64Array): void {
  let r0 = 0.0
  let r1 = 0.0
  let r2 = 0.0
  let r3 = 0.0
  for (let k = 0; k < n; k++) {
    const j = end - k
    r0 += a[j]!
    r1 += a[j + 1]!
    r2 += a[j + 2]!
    r3 += a[j + 3]!
  }
  out[0] = r0
  out[1] = r1
  out[2] = r2
  out[3] = r3
}

/** @internal `sumSquaredDeviation` for four consecutive windows around mids[0..3]; see `sumNewestFirst4`. */
export function sumSquaredDeviation4(
  a: Float64Array,
  end: number,
  n: number,
  mids: Float64Array,
  out: Float64Array,
): void {
  const m0 = mids[0]!
  const m1 = mids[1]!
  const m2 = mids[2]!
  const m3 = mids[3]!
  let s0 = 0.0
  let s1 = 0.0
  let s2 = 0.0
  let s3 = 0.0
  for (let k = 0; k < n; k++) {
    const j = end - k
    const d0 = a[j]! - m0
    const d1 = a[j + 1]! - m1
    const d2 = a[j + 2]! - m2
    const d3 = a[j + 3]! - m3
    s0 += d0 * d0
    s1 += d1 * d1
    s2 += d2 * d2
    s3 += d3 * d3
  }
  out[0] = s0
  out[1] = s1
  out[2] = s2
  out[3] = s3
}

/** @internal `sumAbsDeviation` for four consecutive windows around mids[0..3]; see `sumNewestFirst4`. */
export function sumAbsDeviation4(
  a: Float64Array,
  end: number,
  n: number,
  mids: Float64Array,
  out: Float64Array,
): void {
  const m0 = mids[0]!
  const m1 = mids[1]!
  const m2 = mids[2]!
  const m3 = mids[3]!
  let s0 = 0.0
  let s1 = 0.0
  let s2 = 0.0
  let s3 = 0.0
  for (let k = 0; k < n; k++) {
    const j = end - k
    s0 += Math.abs(a[j]! - m0)
    s1 += Math.abs(a[j + 1]! - m1)
    s2 += Math.abs(a[j + 2]! - m2)
    s3 += Math.abs(a[j + 3]! - m3)
  }
  out[0] = s0
  out[1] = s1
  out[2] = s2
  out[3] = s3
}
