/**
 * Float64Array ⇄ bytes for `bytea` columns, little-endian (the byte order of every machine we
 * run on; checked at load so a big-endian host fails loudly instead of reading garbage).
 */
if (new Uint8Array(new Float64Array([1]).buffer)[7] !== 0x3f) {
  throw new Error('Tradeloom stores bars little-endian and cannot run on a big-endian host')
}

/** The bytes of a Float64Array (a view, no copy). */
export function float64Bytes(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
}

/** A Float64Array from stored bytes; copies, because driver buffers need not be 8-byte aligned. */
export function bytesToFloat64(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0) {
    throw new Error(`A float64 column holds ${bytes.byteLength} bytes, not a multiple of 8`)
  }
  const out = new Float64Array(bytes.byteLength / 8)
  new Uint8Array(out.buffer).set(bytes)
  return out
}
