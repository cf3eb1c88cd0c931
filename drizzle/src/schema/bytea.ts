import { customType } from 'drizzle-orm/pg-core'

/**
 * PostgreSQL `bytea` as a `Uint8Array` on both drivers: node-postgres returns a Buffer (a
 * Uint8Array subclass) and PGlite a Uint8Array. Bars and full equity curves are stored this way,
 * as the raw little-endian bytes of a Float64Array, so a range is a `substring` away.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea'
  },
  toDriver(value) {
    // node-postgres sends Buffers as binary; a bare Uint8Array view would also work on PGlite.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  },
  fromDriver(value) {
    return value instanceof Uint8Array ? value : new Uint8Array(value)
  },
})
