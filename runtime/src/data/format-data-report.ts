/**
 * Plain-text rendering of an import's data-quality report, for the CLI and logs. Pure: returns a
 * string; the caller prints it.
 */
import type { ImportResult } from './import-bars'
import type { Issue } from './import-report'
import { formatTime } from './bar-checks'

/** Options for `formatDataReport`. */
export interface FormatReportOptions {
  /** Lines shown per section (skipped rows can number thousands). Default 20. */
  readonly maxPerSection?: number
}

/**
 * Renders an import result as a readable report: verdict, format, timeframe, range, then errors,
 * skipped rows, warnings and info with their line numbers, then the totals by issue code.
 *
 * @example
 * const result = importBars(text)
 * console.log(formatDataReport(result))
 */
export function formatDataReport(result: ImportResult, options: FormatReportOptions = {}): string {
  const max = options.maxPerSection ?? 20
  const { report, bars } = result
  const out: string[] = []
  const n = (x: number) => x.toLocaleString('en-US')
  out.push(
    result.ok
      ? `Data OK: ${n(bars!.length)} bars from ${n(result.rowCount)} rows`
      : 'Data import FAILED: fix the errors below or import with skipBadRows to drop those rows',
  )
  out.push(
    `format: ${result.format ?? 'unknown'}, timeframe: ${result.timeframe ?? 'not detected'}`,
  )
  if (bars !== null && bars.length > 0) {
    out.push(
      `range: ${formatTime(bars.time[0]!)} .. ${formatTime(bars.time[bars.length - 1]!)} (UTC labels)`,
    )
  }
  const section = (title: string, issues: readonly Issue[]) => {
    if (issues.length === 0) return
    out.push('', `${title} (${n(issues.length)}):`)
    for (const issue of issues.slice(0, max)) out.push(`  - ${issue.message}`)
    if (issues.length > max) out.push(`  ... ${n(issues.length - max)} more`)
  }
  section('Errors', report.errors)
  section('Skipped rows', report.skipped)
  section('Warnings', report.warnings)
  section('Info', report.info)
  // The lists are capped (by the importer and by `maxPerSection`); the totals are not.
  const counts = Object.entries(report.counts)
  if (counts.length > 0) {
    out.push('', 'Totals by kind:', ...counts.map(([code, count]) => `  ${code}: ${count}`))
  }
  return out.join('\n')
}
