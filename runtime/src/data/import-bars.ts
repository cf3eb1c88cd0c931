/**
 * Bar file import, pure (a string in, columnar bars and a data-quality report out). The layout
 * is detected from the header (see detect-format.ts), the timeframe from the bar spacing.
 *
 * Bad rows (unreadable fields, wrong field count, non-positive prices, high below open/close,
 * low above open/close, duplicate or backwards time): by default the import fails and lists the
 * first errors with their line numbers; with `skipBadRows` they are dropped and every one is
 * listed in `report.skipped`. Nothing is dropped silently.
 *
 * Speed: one pass over the text with indexOf and character-code parsers, no per-row regex or
 * substring on the happy path.
 */
import type { Bars } from '../bars'
import { checkBarRow, describeRow } from './bar-checks'
import type { BarFileFormat } from './detect-format'
import { detectFormat } from './detect-format'
import { reportFlatBars, reportGaps } from './gaps'
import type { DataReport, Issue, IssueCode } from './import-report'
import { ReportBuilder } from './import-report'
import { parseDateTime, parseDecimal, parseTimeOfDay } from './parse-fields'
import type { Timeframe } from './timeframe'
import { detectTimeframe, modalSpacing } from './timeframe'

/** Options for `importBars`. */
export interface ImportOptions {
  /** Drop bad rows (each one reported in `report.skipped`) instead of failing. Default false. */
  readonly skipBadRows?: boolean
  /** How many errors and warnings to list (all are counted in `report.counts`). Default 50. */
  readonly maxListed?: number
}

/** What `importBars` returns. `bars` is null exactly when `ok` is false. */
export interface ImportResult {
  readonly ok: boolean
  readonly bars: Bars | null
  readonly format: BarFileFormat | null
  readonly timeframe: Timeframe | null
  /** Data lines read (excluding the header and blank lines). */
  readonly rowCount: number
  /** File line (1-based) of each bar; same length as the bars. */
  readonly lines: Int32Array
  readonly report: DataReport
}

const enum TimeKind {
  Unknown,
  DateTime,
  EpochSeconds,
  EpochMillis,
}

function countLines(text: string, from: number): number {
  let n = 1
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

function failed(report: ReportBuilder, format: BarFileFormat | null, rowCount = 0): ImportResult {
  return {
    ok: false,
    bars: null,
    format,
    timeframe: null,
    rowCount,
    lines: new Int32Array(0),
    report: report.build(),
  }
}

/**
 * Imports bars from the text of an MT5 export, MetaTrader5-python CSV, Yahoo CSV or generic
 * OHLCV CSV.
 *
 * @example
 * const result = importBars(fileText, { skipBadRows: true })
 * if (result.ok) runBacktest(result.bars, strategy)
 * else for (const e of result.report.errors) console.error(e.message)
 */
export function importBars(text: string, options: ImportOptions = {}): ImportResult {
  const skipBad = options.skipBadRows === true
  const report = new ReportBuilder(options.maxListed ?? 50)
  const len = text.length
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let lineNo = 0
  // The header is the first non-blank line.
  let header = ''
  while (pos < len && header === '') {
    let nl = text.indexOf('\n', pos)
    if (nl < 0) nl = len
    header = text.slice(pos, nl).replace(/\r$/, '').trim()
    lineNo++
    pos = nl + 1
  }
  if (header === '') {
    report.error({ code: 'no-data', message: 'the file is empty', line: null, row: null })
    return failed(report, null)
  }
  const plan = detectFormat(header)
  if (typeof plan === 'string') {
    report.error({
      code: plan.includes('missing') ? 'missing-column' : 'no-header',
      message: plan,
      line: lineNo,
      row: null,
    })
    return failed(report, null)
  }

  const cap = countLines(text, pos)
  const time = new Float64Array(cap)
  const open = new Float64Array(cap)
  const high = new Float64Array(cap)
  const low = new Float64Array(cap)
  const close = new Float64Array(cap)
  const tickVolume = new Float64Array(cap)
  const spread = new Float64Array(cap)
  const lines = new Int32Array(cap)
  const cols = plan.columnCount
  const fs = new Int32Array(cols)
  const fe = new Int32Array(cols)
  const delim = String.fromCharCode(plan.delimiter)
  const name = (col: number) => plan.names[col]!.toUpperCase()
  let timeKind = plan.timeOfDay >= 0 ? TimeKind.DateTime : TimeKind.Unknown
  let n = 0
  let rowCount = 0
  let blank = 0
  let lastTime = NaN

  const bad = (code: IssueCode, message: string, line: number) => {
    const issue: Issue = { code, message: `line ${line}: ${message}`, line, row: null }
    if (skipBad) report.skip(issue)
    else report.error(issue)
  }
  const fieldText = (col: number) => JSON.stringify(text.slice(fs[col]!, fe[col]!))

  while (pos < len) {
    let nl = text.indexOf('\n', pos)
    if (nl < 0) nl = len
    let le = nl
    if (le > pos && text.charCodeAt(le - 1) === 13) le--
    const ls = pos
    pos = nl + 1
    lineNo++
    if (le === ls) {
      blank++
      continue
    }
    rowCount++
    let k = 0
    let s = ls
    for (;;) {
      let d = text.indexOf(delim, s)
      if (d < 0 || d > le) d = le
      if (k < cols) {
        fs[k] = s
        fe[k] = d
      }
      k++
      if (d >= le) break
      s = d + 1
    }
    if (k !== cols) {
      bad('field-count', `expected ${cols} fields, found ${k}`, lineNo)
      continue
    }

    const tc = plan.time
    if (timeKind === TimeKind.Unknown) {
      const v = parseDecimal(text, fs[tc]!, fe[tc]!)
      timeKind =
        v !== v
          ? TimeKind.DateTime
          : Math.abs(v) >= 1e11
            ? TimeKind.EpochMillis
            : TimeKind.EpochSeconds
    }
    let t: number
    if (timeKind === TimeKind.DateTime) {
      t = parseDateTime(text, fs[tc]!, fe[tc]!)
      if (plan.timeOfDay >= 0) t += parseTimeOfDay(text, fs[plan.timeOfDay]!, fe[plan.timeOfDay]!)
    } else {
      t = parseDecimal(text, fs[tc]!, fe[tc]!)
      if (timeKind === TimeKind.EpochMillis) t /= 1000
    }
    if (!Number.isFinite(t)) {
      const tod = plan.timeOfDay >= 0 ? ` ${name(plan.timeOfDay)} ${fieldText(plan.timeOfDay)}` : ''
      const expected =
        timeKind === TimeKind.DateTime
          ? 'YYYY.MM.DD or YYYY-MM-DD, optionally with HH:MM[:SS]'
          : 'epoch seconds or milliseconds'
      bad(
        'bad-time',
        `cannot read time ${name(tc)} ${fieldText(tc)}${tod} (expected ${expected})`,
        lineNo,
      )
      continue
    }
    const o = parseDecimal(text, fs[plan.open]!, fe[plan.open]!)
    const h = parseDecimal(text, fs[plan.high]!, fe[plan.high]!)
    const l = parseDecimal(text, fs[plan.low]!, fe[plan.low]!)
    const c = parseDecimal(text, fs[plan.close]!, fe[plan.close]!)
    const tv =
      plan.tickVolume >= 0 ? parseDecimal(text, fs[plan.tickVolume]!, fe[plan.tickVolume]!) : 0
    const sp = plan.spread >= 0 ? parseDecimal(text, fs[plan.spread]!, fe[plan.spread]!) : 0
    if (o !== o || h !== h || l !== l || c !== c || tv !== tv || sp !== sp) {
      const cols2 = [plan.open, plan.high, plan.low, plan.close, plan.tickVolume, plan.spread]
      const values = [o, h, l, c, tv, sp]
      const which = cols2.filter((col, i) => col >= 0 && values[i] !== values[i])
      bad(
        'bad-number',
        which.map((col) => `${name(col)} ${fieldText(col)} is not a number`).join('; '),
        lineNo,
      )
      continue
    }
    const mask = checkBarRow(t, o, h, l, c, lastTime)
    if (mask !== 0) {
      const d = describeRow(mask, t, o, h, l, c, lastTime)
      bad(d.code, d.message, lineNo)
      continue
    }
    time[n] = t
    open[n] = o
    high[n] = h
    low[n] = l
    close[n] = c
    tickVolume[n] = tv
    spread[n] = sp
    lines[n] = lineNo
    lastTime = t
    n++
  }

  const lineOf = (row: number) => lines[row] ?? null
  if (blank > 0) {
    report.note({
      code: 'blank-lines',
      message: `${blank} blank lines ignored`,
      line: null,
      row: null,
    })
  }
  if (plan.ignored.length > 0) {
    report.note({
      code: 'ignored-columns',
      message: `columns not used by bars: ${plan.ignored.join(', ')}`,
      line: 1,
      row: null,
    })
  }
  if (timeKind === TimeKind.EpochMillis || timeKind === TimeKind.EpochSeconds) {
    const unit = timeKind === TimeKind.EpochMillis ? 'milliseconds' : 'seconds'
    report.note({
      code: 'time-unit',
      message: `time read as epoch ${unit} (UTC)`,
      line: null,
      row: null,
    })
  }
  if (n === 0) {
    report.error(
      { code: 'no-data', message: 'no valid bars in the file', line: null, row: null },
      true,
    )
    return failed(report, plan.format, rowCount)
  }
  const trim = (a: Float64Array) => (n === cap ? a : a.slice(0, n))
  const bars: Bars = {
    length: n,
    time: trim(time),
    open: trim(open),
    high: trim(high),
    low: trim(low),
    close: trim(close),
    tickVolume: trim(tickVolume),
    spread: trim(spread),
  }
  const timeframe = detectTimeframe(bars.time, n)
  if (timeframe === null) {
    report.warning({
      code: 'timeframe',
      message: `timeframe not recognised: the most common bar spacing is ${modalSpacing(bars.time, n)} s`,
      line: null,
      row: null,
    })
  } else reportGaps(bars.time, n, timeframe, lineOf, report)
  reportFlatBars(bars.open, bars.high, bars.low, bars.close, n, lineOf, report)
  const ok = report.errorCount === 0
  return {
    ok,
    bars: ok ? bars : null,
    format: plan.format,
    timeframe,
    rowCount,
    lines: n === cap ? lines : lines.slice(0, n),
    report: report.build(),
  }
}
