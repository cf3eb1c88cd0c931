/**
 * Field parsers that read straight from the file text by character codes, without slicing a
 * substring or running a regex per row (the importer's speed depends on it). Each returns NaN
 * for anything it cannot read; the caller turns that into an error naming line and column.
 * @internal
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)
const TWO_53 = 9007199254740992

/** Skips leading spaces and double quotes (CSV quoting of plain numbers and dates). */
function trimStart(text: string, s: number, e: number): number {
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 34)) s++
  return s
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 34)) e--
  return e
}

/** Slow path: plain decimal or exponent syntax only (Number() alone would accept hex and Infinity). */
function parseSlow(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i)
    const ok = (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69
    if (!ok) return NaN
  }
  return Number(text.slice(s, e))
}

/**
 * @internal Parses a decimal number in text[s, e). Fast path: integer mantissa <= 2^53 divided
 * by an exact power of ten <= 10^22, which IEEE division rounds correctly, so the result equals
 * Number(text) bit for bit. Anything else (exponents, 17+ digits) falls back to Number().
 */
export function parseDecimal(text: string, s: number, e: number): number {
  s = trimStart(text, s, e)
  e = trimEnd(text, s, e)
  if (s >= e) return NaN
  let i = s
  let neg = false
  let c = text.charCodeAt(i)
  if (c === 45) {
    neg = true
    i++
  } else if (c === 43) i++
  let mant = 0
  let frac = 0
  let digits = 0
  let dot = false
  for (; i < e; i++) {
    c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48)
      digits++
      if (dot) frac++
    } else if (c === 46 && !dot) dot = true
    else break
  }
  if (i < e || digits === 0 || mant > TWO_53 || frac > 22) return parseSlow(text, s, e)
  const v = frac === 0 ? mant : mant / POW10[frac]!
  return neg ? -v : v
}

/** Reads `n` digits at text[i..i+n) as an integer, or -1 if any is not a digit. */
function digitsAt(text: string, i: number, n: number): number {
  let v = 0
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(i + k) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

/** @internal Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/**
 * @internal Parses `HH:MM` or `HH:MM:SS` (optionally `.fff`) at text[i, e) into seconds of the day,
 * or NaN.
 */
export function parseTimeOfDay(text: string, s: number, e: number): number {
  s = trimStart(text, s, e)
  e = trimEnd(text, s, e)
  return timeOfDayAt(text, s, e)
}

function timeOfDayAt(text: string, s: number, e: number): number {
  if (e - s < 5 || text.charCodeAt(s + 2) !== 58) return NaN
  const hh = digitsAt(text, s, 2)
  const mm = digitsAt(text, s + 3, 2)
  let ss = 0
  let i = s + 5
  if (i < e && text.charCodeAt(i) === 58) {
    ss = digitsAt(text, i + 1, 2)
    i += 3
    if (i < e && text.charCodeAt(i) === 46) {
      i++
      while (i < e && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
    }
  }
  if (i !== e || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return NaN
  return hh * 3600 + mm * 60 + ss
}

/**
 * @internal Parses a date `YYYY.MM.DD`, `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `T` or
 * a space and a time of day, and optionally `Z` or a `+HH:MM` / `-HHMM` offset, into epoch seconds
 * (UTC; a time without offset is taken as UTC, as MT5 server time is). NaN when invalid.
 */
export function parseDateTime(text: string, s: number, e: number): number {
  s = trimStart(text, s, e)
  e = trimEnd(text, s, e)
  if (e - s < 10) return NaN
  const sep = text.charCodeAt(s + 4)
  if ((sep !== 46 && sep !== 45 && sep !== 47) || text.charCodeAt(s + 7) !== sep) return NaN
  const y = digitsAt(text, s, 4)
  const m = digitsAt(text, s + 5, 2)
  const d = digitsAt(text, s + 8, 2)
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN
  let t = daysFromCivil(y, m, d) * 86400
  let i = s + 10
  if (i === e) return t
  const c = text.charCodeAt(i)
  if (c !== 84 && c !== 32) return NaN
  i++
  // The time of day runs until Z, + or - (a zone) or the end.
  let z = i
  while (z < e) {
    const k = text.charCodeAt(z)
    if (k === 90 || k === 43 || k === 45) break
    z++
  }
  const tod = timeOfDayAt(text, i, z)
  if (tod !== tod) return NaN
  t += tod
  if (z === e) return t
  const k = text.charCodeAt(z)
  if (k === 90) return z + 1 === e ? t : NaN
  const oh = digitsAt(text, z + 1, 2)
  let om = 0
  if (e - z === 6 && text.charCodeAt(z + 3) === 58) om = digitsAt(text, z + 4, 2)
  else if (e - z === 5) om = digitsAt(text, z + 3, 2)
  else if (e - z !== 3) return NaN
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN
  const offset = oh * 3600 + om * 60
  return k === 43 ? t - offset : t + offset
}
