/** A variadic argument as the translator passes it: its MQL5 type and value. */
export type TypedArg = readonly [type: string, value: unknown]

const INTEGER_TYPES = new Set(['int', 'uint', 'long', 'ulong'])

function fail(message: string): never {
  throw new Error(`MT5 simulator: ${message}`)
}

/**
 * One value as Print writes it. Doubles are written as JS writes them (shortest round-trip
 * form); MT5 writes up to 16 significant digits, so long fractions may print differently. The
 * log is for reading, never compared.
 */
export function printValue([type, value]: TypedArg): string {
  if (type === 'string') return value as string
  if (type === 'bool') return value ? 'true' : 'false'
  if (INTEGER_TYPES.has(type) || type === 'double') return String(value)
  return fail(`Print of a ${type}`)
}

/** `DoubleToString(value, digits)`: fixed notation with `digits` decimals (0–16). */
export function doubleToString(value: number, digits = 8): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 16)
    fail(`DoubleToString with ${digits} digits is not modelled`)
  return value.toFixed(digits)
}

const SPEC = /%([-+ 0#]*)(\d*)(?:\.(\d+))?(I64|ll|l|h)?([a-zA-Z%])/g

/**
 * MQL5's `PrintFormat`/`StringFormat` for the conversions our EAs use: `%d %i %u` (integers, with
 * an optional `I64` size), `%f` (doubles), `%s` (strings), `%%`, with flags, width and precision.
 * A conversion that does not fit its argument's type (MQL5 would print garbage), another
 * conversion, or a wrong argument count throws. `%f` rounds as JS's toFixed: a value exactly
 * halfway in binary (0.125 to 2 places) may round the other way in MT5. The journal is for
 * reading; nothing compares it.
 */
export function formatMql5(format: string, args: readonly TypedArg[]): string {
  let next = 0
  const out = format.replace(
    SPEC,
    (whole, flags: string, width: string, precision, _size, conv) => {
      if (conv === '%') return '%'
      const arg = args[next++]
      if (!arg) return fail(`${whole} in "${format}" has no argument`)
      const [type, value] = arg
      let text: string
      if (conv === 'd' || conv === 'i' || conv === 'u') {
        if (!INTEGER_TYPES.has(type)) fail(`${whole} given a ${type} in "${format}"`)
        if (conv === 'u' && (value as number) < 0) fail(`%u given ${String(value)}`)
        text = String(value)
      } else if (conv === 'f') {
        if (type !== 'double' && !INTEGER_TYPES.has(type)) fail(`%f given a ${type}`)
        text = (value as number).toFixed(precision === undefined ? 6 : Number(precision))
      } else if (conv === 's') {
        if (type !== 'string') fail(`%s given a ${type} in "${format}"`)
        text =
          precision === undefined
            ? (value as string)
            : (value as string).slice(0, Number(precision))
      } else {
        return fail(`conversion ${whole} is not modelled`)
      }
      if (flags.includes('+') && conv !== 's' && !text.startsWith('-')) text = `+${text}`
      const pad = Number(width || 0) - text.length
      if (pad <= 0) return text
      if (flags.includes('-')) return text + ' '.repeat(pad)
      if (flags.includes('0') && conv !== 's') {
        const sign = /^[-+]/.test(text) ? text[0]! : ''
        return sign + '0'.repeat(pad) + text.slice(sign.length)
      }
      return ' '.repeat(pad) + text
    },
  )
  if (next !== args.length) fail(`"${format}" takes ${next} arguments, given ${args.length}`)
  return out
}
