/**
 * Per-row sanity rules shared by the importer and `validateBars`. The check is a bitmask so that
 * good rows allocate nothing; messages are built only for bad rows.
 * @internal
 */
import type { IssueCode } from './import-report'

export const NON_POSITIVE = 1
export const HIGH_BELOW = 2
export const LOW_ABOVE = 4
export const DUPLICATE_TIME = 8
export const TIME_BACKWARDS = 16

/**
 * @internal Problems of one bar given the previous kept bar's time (NaN for the first bar).
 * `!(x > 0)` also catches NaN.
 */
export function checkBarRow(
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  prevTime: number,
): number {
  let mask = 0
  if (!(open > 0) || !(high > 0) || !(low > 0) || !(close > 0)) mask |= NON_POSITIVE
  if (high < open || high < close) mask |= HIGH_BELOW
  if (low > open || low > close) mask |= LOW_ABOVE
  if (time === prevTime) mask |= DUPLICATE_TIME
  else if (time < prevTime) mask |= TIME_BACKWARDS
  return mask
}

/** @internal Formats seconds since the epoch as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function formatTime(t: number): string {
  if (!Number.isFinite(t)) return String(t)
  return new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19)
}

/** @internal The first problem's code and a message listing every problem of the row. */
export function describeRow(
  mask: number,
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  prevTime: number,
): { code: IssueCode; message: string } {
  const parts: string[] = []
  let code: IssueCode | null = null
  const first = (c: IssueCode) => {
    code ??= c
  }
  if (mask & NON_POSITIVE) {
    first('non-positive-price')
    const bad = Object.entries({ open, high, low, close }).filter(([, v]) => !(v > 0))
    parts.push(
      `${bad.map(([k, v]) => `${k} ${v}`).join(', ')} ${bad.length > 1 ? 'are not positive prices' : 'is not a positive price'}`,
    )
  }
  if (mask & HIGH_BELOW) {
    first('high-below-open-close')
    parts.push(`high ${high} is below ${high < open ? `open ${open}` : `close ${close}`}`)
  }
  if (mask & LOW_ABOVE) {
    first('low-above-open-close')
    parts.push(`low ${low} is above ${low > open ? `open ${open}` : `close ${close}`}`)
  }
  if (mask & DUPLICATE_TIME) {
    first('duplicate-time')
    parts.push(`duplicate time ${formatTime(time)}`)
  }
  if (mask & TIME_BACKWARDS) {
    first('time-not-increasing')
    parts.push(`time ${formatTime(time)} is before the previous bar's ${formatTime(prevTime)}`)
  }
  return { code: code ?? 'bad-number', message: parts.join('; ') }
}
