/**
 * Gap analysis: a gap is a spacing between consecutive bars longer than the timeframe. Gaps whose
 * missing time falls on Saturday and Sunday are the market's weekend closure: normal, reported
 * once as info. Every other gap is a warning naming the line.
 * @internal
 */
import { formatTime } from './bar-checks'
import type { ReportBuilder } from './import-report'
import type { Timeframe } from './timeframe'
import { timeframeSeconds } from './timeframe'

const DAY = 86400

/** Seconds of [a, b) that fall on Monday..Friday (UTC calendar; 1970-01-01 was a Thursday). */
function weekdaySeconds(a: number, b: number): number {
  let total = 0
  let t = a
  while (t < b) {
    const day = Math.floor(t / DAY)
    const end = Math.min(b, (day + 1) * DAY)
    const weekday = (((day + 4) % 7) + 7) % 7 // 0 = Sunday
    if (weekday !== 0 && weekday !== 6) total += end - t
    t = end
  }
  return total
}

function describeSpan(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY} day${seconds === DAY ? '' : 's'}`
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  return `${seconds / 60} min`
}

/**
 * @internal Reports gaps longer than `timeframe`. Intraday data may miss up to 6 weekday hours
 * around a weekend (brokers open on Sunday evening or close early on Friday, depending on their
 * server time zone) and still count as a weekend gap.
 */
export function reportGaps(
  time: Float64Array,
  length: number,
  timeframe: Timeframe,
  lineOf: (row: number) => number | null,
  report: ReportBuilder,
): void {
  if (timeframe === 'MN1') {
    report.note({
      code: 'gap',
      message: 'gap check skipped for monthly bars (months differ in length)',
      line: null,
      row: null,
    })
    return
  }
  const tf = timeframeSeconds(timeframe)
  const slack = tf < DAY ? 6 * 3600 : 0
  let weekend = 0
  for (let i = 1; i < length; i++) {
    const d = time[i]! - time[i - 1]!
    if (d <= tf) continue
    const missingFrom = time[i - 1]! + tf
    const weekdayMissing = weekdaySeconds(missingFrom, time[i]!)
    if (weekdayMissing <= slack && d - tf - weekdayMissing >= DAY) {
      weekend++
      continue
    }
    report.warning({
      code: 'gap',
      message: `gap of ${describeSpan(d)} between ${formatTime(time[i - 1]!)} and ${formatTime(time[i]!)} (timeframe ${timeframe}; ${Math.round(weekdayMissing / tf)} weekday bars missing)`,
      line: lineOf(i),
      row: i,
    })
  }
  if (weekend > 0) {
    report.note({
      code: 'weekend-gaps',
      message: `${weekend.toLocaleString('en-US')} weekend gaps (market closed Saturday and Sunday): normal, not errors`,
      line: null,
      row: null,
    })
  }
}

/** @internal Counts bars with open = high = low = close (no traded range), reported as info. */
export function reportFlatBars(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  length: number,
  lineOf: (row: number) => number | null,
  report: ReportBuilder,
): void {
  let count = 0
  let first = -1
  let last = -1
  for (let i = 0; i < length; i++) {
    const o = open[i]!
    if (o === high[i] && o === low[i] && o === close[i]) {
      if (count++ === 0) first = i
      last = i
    }
  }
  if (count === 0) return
  const where = (row: number) => {
    const line = lineOf(row)
    return line === null ? `row ${row}` : `line ${line}`
  }
  report.note({
    code: 'flat-bars',
    message: `${count.toLocaleString('en-US')} ${count === 1 ? 'bar has' : 'bars have'} open = high = low = close (no price range; usable, but old daily data often recorded only the close), first at ${where(first)}, last at ${where(last)}`,
    line: lineOf(first),
    row: first,
  })
}
