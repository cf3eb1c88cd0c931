/**
 * Validator over in-memory bars (imported, generated or built by hand), reporting by row:
 * non-positive prices, high below open/close, low above open/close, duplicate or non-increasing
 * time (errors); gaps longer than the timeframe (warnings; weekend gaps are normal and reported
 * once as info); flat bars (info).
 */
import type { Bars } from '../bars'
import { checkBarRow, describeRow } from './bar-checks'
import { reportFlatBars, reportGaps } from './gaps'
import type { DataReport } from './import-report'
import { ReportBuilder } from './import-report'
import type { Timeframe } from './timeframe'
import { detectTimeframe } from './timeframe'

/** Options for `validateBars`. */
export interface ValidateOptions {
  /** Timeframe for the gap check; detected from the bar spacing when omitted. */
  readonly timeframe?: Timeframe | null
  /** How many errors and warnings to list (the rest are counted). Default 50. */
  readonly maxListed?: number
  /** Maps a row to its file line, when the bars came from a file. */
  readonly lineOf?: (row: number) => number | null
}

/**
 * Checks every bar and returns a report; never throws for bad data.
 *
 * @example
 * const report = validateBars(bars)
 * if (report.errors.length > 0) console.log(report.errors[0].message)
 */
export function validateBars(bars: Bars, options: ValidateOptions = {}): DataReport {
  const report = new ReportBuilder(options.maxListed ?? 50)
  const lineOf = options.lineOf ?? (() => null)
  const { time, open, high, low, close, length } = bars
  for (let i = 0; i < length; i++) {
    const prev = i > 0 ? time[i - 1]! : NaN
    const mask = checkBarRow(time[i]!, open[i]!, high[i]!, low[i]!, close[i]!, prev)
    if (mask === 0) continue
    const d = describeRow(mask, time[i]!, open[i]!, high[i]!, low[i]!, close[i]!, prev)
    const line = lineOf(i)
    report.error({
      code: d.code,
      message: `${line === null ? `row ${i}` : `line ${line}`}: ${d.message}`,
      line,
      row: i,
    })
  }
  const timeframe =
    options.timeframe === undefined ? detectTimeframe(time, length) : options.timeframe
  if (timeframe !== null) reportGaps(time, length, timeframe, lineOf, report)
  reportFlatBars(open, high, low, close, length, lineOf, report)
  return report.build()
}
