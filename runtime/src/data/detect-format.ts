/**
 * Recognises a bar file's layout from its header line: MT5 "Export Bars", MetaTrader5-python
 * `copy_rates` CSV, Yahoo daily, or a generic OHLCV CSV. Column names are case-insensitive and
 * MT5's angle brackets are optional.
 */

/** The layouts the importer knows. */
export type BarFileFormat = 'mt5-export' | 'mt5-python' | 'yahoo' | 'generic'

/** Where each value sits in a row (column indexes; -1 when absent). */
export interface ColumnPlan {
  readonly format: BarFileFormat
  /** Field separator as a character code (tab, comma or semicolon). */
  readonly delimiter: number
  readonly columnCount: number
  readonly names: readonly string[]
  /** Column holding the date or the full timestamp (date-time string or epoch number). */
  readonly time: number
  /** Separate time-of-day column (MT5 exports), or -1. */
  readonly timeOfDay: number
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly tickVolume: number
  readonly spread: number
  /** Header columns that no bar field uses. */
  readonly ignored: readonly string[]
}

const TAB = 9
const COMMA = 44
const SEMICOLON = 59

const TIME_NAMES = ['time', 'timestamp', 'datetime', 'date_time', 'date time', 'date']
const OPEN = ['open', 'o']
const HIGH = ['high', 'h']
const LOW = ['low', 'l']
const CLOSE = ['close', 'c']
const TICK_VOLUME = ['tickvol', 'tick_volume', 'tickvolume', 'tick volume', 'volume', 'vol']
const MT5_EXPORT = new Set([
  'date',
  'time',
  'open',
  'high',
  'low',
  'close',
  'tickvol',
  'vol',
  'spread',
])
const MT5_PYTHON = ['time', 'open', 'high', 'low', 'close', 'tick_volume', 'spread', 'real_volume']

function normalise(name: string): string {
  let n = name.trim()
  if (n.startsWith('"') && n.endsWith('"') && n.length >= 2) n = n.slice(1, -1)
  if (n.startsWith('<') && n.endsWith('>')) n = n.slice(1, -1)
  return n.trim().toLowerCase()
}

function find(names: readonly string[], aliases: readonly string[]): number {
  for (const a of aliases) {
    const i = names.indexOf(a)
    if (i >= 0) return i
  }
  return -1
}

/**
 * Builds the column plan for a header line, or returns an error message that names what is
 * missing and what was found.
 */
export function detectFormat(header: string): ColumnPlan | string {
  const delimiter = header.includes('\t')
    ? TAB
    : header.includes(';') && !header.includes(',')
      ? SEMICOLON
      : COMMA
  const names = header.split(String.fromCharCode(delimiter)).map(normalise)
  if (names.every((n) => n === '' || /^[-+0-9.:\s/TZ]+$/i.test(n))) {
    return `line 1 is not a header (${JSON.stringify(header.slice(0, 60))}): the file needs column names such as Date, Open, High, Low, Close`
  }
  const has = (n: string) => names.includes(n)
  let format: BarFileFormat = 'generic'
  let time: number
  let timeOfDay = -1
  if (has('date') && delimiter === TAB && names.every((n) => MT5_EXPORT.has(n))) {
    // MT5 exports daily and longer bars without the <TIME> column.
    format = 'mt5-export'
    time = names.indexOf('date')
    timeOfDay = names.indexOf('time')
  } else if (MT5_PYTHON.every(has)) {
    format = 'mt5-python'
    time = names.indexOf('time')
  } else if (has('date') && has('adj close') && has('volume')) {
    format = 'yahoo'
    time = names.indexOf('date')
  } else if (has('date') && has('time')) {
    // Generic files with separate date and time-of-day columns (e.g. MT5 exports with commas).
    time = names.indexOf('date')
    timeOfDay = names.indexOf('time')
  } else {
    time = find(names, TIME_NAMES)
  }
  const plan = {
    format,
    delimiter,
    columnCount: names.length,
    names,
    time,
    timeOfDay,
    open: find(names, OPEN),
    high: find(names, HIGH),
    low: find(names, LOW),
    close: find(names, CLOSE),
    tickVolume: find(names, TICK_VOLUME),
    spread: names.indexOf('spread'),
    ignored: [] as string[],
  }
  const missing: string[] = []
  if (plan.time < 0) missing.push('a time column (Date, Time, Timestamp or Datetime)')
  for (const k of ['open', 'high', 'low', 'close'] as const) if (plan[k] < 0) missing.push(k)
  if (missing.length > 0) {
    return `header is missing ${missing.join(', ')}; found columns: ${names.map((n) => JSON.stringify(n)).join(', ')}`
  }
  const used = new Set([
    plan.time,
    plan.timeOfDay,
    plan.open,
    plan.high,
    plan.low,
    plan.close,
    plan.tickVolume,
    plan.spread,
  ])
  plan.ignored = names.filter((n, i) => !used.has(i) && n !== '')
  return plan
}
