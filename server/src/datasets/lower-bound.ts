/** First index whose time is >= `time`; `times` is in ascending order (bars are). */
export function lowerBound(times: Float64Array, time: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! < time) lo = mid + 1
    else hi = mid
  }
  return lo
}
