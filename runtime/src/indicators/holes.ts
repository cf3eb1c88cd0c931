/**
 * Missing inputs in the batch twins. Every streaming indicator SKIPS an update whose input is
 * missing (NaN; for bar indicators, any of its inputs): its state does not change and `update`
 * returns the current value, NaN while there is none yet. Leading NaNs are therefore MT5's `begin`
 * (the warm-up of an upstream indicator), and a NaN hole later on (a division by zero upstream)
 * holds the last value. The MQL5 twins do the same with `TlIsValid`.
 *
 * So a batch over a series with holes equals the batch over the rows that are not skipped, each
 * skipped row repeating the output before it. The batches pack those rows, run their one formula
 * on them and spread the result back: the operation order stays written once.
 * @internal
 */

/** @internal The rows an indicator does not skip, and where they came from. */
export interface PackedRows<K extends string> {
  /** The input columns without the skipped rows. */
  readonly columns: Record<K, Float64Array>
  /** Index in the original series of each packed row, ascending. */
  readonly rows: Int32Array
  /** Length of the original series. */
  readonly length: number
}

function pack<K extends string>(
  columns: Record<K, Float64Array>,
  keys: readonly K[],
  length: number,
  complete: (i: number) => boolean,
): PackedRows<K> {
  let kept = 0
  for (let i = 0; i < length; i++) if (complete(i)) kept++
  const rows = new Int32Array(kept)
  for (let i = 0, j = 0; i < length; i++) if (complete(i)) rows[j++] = i
  const packed = {} as Record<K, Float64Array>
  for (const key of keys) {
    const src = columns[key]
    const dst = new Float64Array(kept)
    for (let j = 0; j < kept; j++) dst[j] = src[rows[j]!]!
    packed[key] = dst
  }
  return { columns: packed, rows, length }
}

/**
 * @internal For an indicator over one series: undefined when the series has no NaN after its
 * first value (leading NaNs are handled by the batch itself, as MT5's `begin`); otherwise the
 * series without its NaNs.
 */
export function packHoles(values: Float64Array): PackedRows<'values'> | undefined {
  const len = values.length
  let b = 0
  while (b < len && values[b] !== values[b]) b++
  let i = b + 1
  while (i < len && values[i] === values[i]) i++
  if (i >= len) return undefined
  return pack({ values }, ['values'], len, (k) => values[k] === values[k])
}

/**
 * @internal For an indicator over bar prices: undefined when no column has a NaN; otherwise the
 * rows in which every column has a value.
 */
export function packRows<K extends string>(
  columns: Record<K, Float64Array>,
): PackedRows<K> | undefined {
  const keys = Object.keys(columns) as K[]
  const cols = keys.map((k) => columns[k])
  const len = cols[0]?.length ?? 0
  const complete = (i: number): boolean => {
    for (const c of cols) if (c[i] !== c[i]) return false
    return true
  }
  let i = 0
  while (i < len && complete(i)) i++
  if (i >= len) return undefined
  return pack(columns, keys, len, complete)
}

/**
 * @internal Spreads a line computed on packed rows back over the original series: a skipped row
 * repeats the value before it (NaN before the first row).
 */
export function unpackRows(line: Float64Array, packed: PackedRows<string>): Float64Array {
  const out = new Float64Array(packed.length)
  const rows = packed.rows
  let last = NaN
  for (let i = 0, j = 0; i < out.length; i++) {
    if (j < rows.length && rows[j] === i) last = line[j++]!
    out[i] = last
  }
  return out
}

/** @internal `unpackRows` for every line of a multi-line batch result. */
export function unpackLines<T extends { readonly [K in keyof T]: Float64Array }>(
  lines: T,
  packed: PackedRows<string>,
): T {
  const out: Record<string, Float64Array> = {}
  for (const key of Object.keys(lines)) {
    out[key] = unpackRows(lines[key as keyof T], packed)
  }
  return out as T
}
