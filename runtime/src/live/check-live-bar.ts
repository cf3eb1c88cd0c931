import type { LiveBar } from './types'

/**
 * Throws a RangeError naming the field when a pushed bar cannot be a bar after `previousTime`:
 * a broker fed a wrong bar would fill at a wrong price without a word.
 */
export function checkLiveBar(bar: LiveBar, previousTime: number | null): void {
  for (const field of ['time', 'open', 'high', 'low', 'close', 'tickVolume', 'spread'] as const) {
    const value = bar[field]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`bar.${field} must be a finite number, got ${String(value)}`)
    }
  }
  for (const field of ['open', 'high', 'low', 'close'] as const) {
    if (bar[field] <= 0)
      throw new RangeError(`bar.${field} must be a positive price, got ${bar[field]}`)
  }
  if (bar.high < Math.max(bar.open, bar.close) || bar.low > Math.min(bar.open, bar.close)) {
    throw new RangeError(
      `bar at ${bar.time}: high ${bar.high} and low ${bar.low} must enclose open ${bar.open} and close ${bar.close}`,
    )
  }
  if (bar.spread < 0) throw new RangeError(`bar.spread must be >= 0 points, got ${bar.spread}`)
  if (previousTime !== null && !(bar.time > previousTime)) {
    throw new RangeError(
      `bar.time ${bar.time} must be after the previous bar's time ${previousTime}`,
    )
  }
}
