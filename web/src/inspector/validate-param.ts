import type { ParamSpec } from '@tradeloom/compiler'

export type ParamCheck = { ok: true; value: number | string } | { ok: false; message: string }

/**
 * Checks what a user typed into a parameter field against its spec, with a message that says
 * what would be accepted. The compiler checks again on compile; this only answers sooner.
 */
export function validateParam(spec: ParamSpec, raw: string): ParamCheck {
  if (spec.type === 'enum') {
    return spec.options.some((option) => option.value === raw)
      ? { ok: true, value: raw }
      : { ok: false, message: `Choose one of: ${spec.options.map((o) => o.label).join(', ')}` }
  }
  const text = raw.trim()
  if (text === '') return { ok: false, message: 'Enter a number' }
  const value = Number(text)
  if (!Number.isFinite(value)) return { ok: false, message: `“${raw}” is not a number` }
  if (spec.type === 'int' && !Number.isInteger(value)) {
    return { ok: false, message: 'Enter a whole number' }
  }
  if (value < spec.min || value > spec.max) {
    return {
      ok: false,
      message: `Between ${spec.min} and ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`,
    }
  }
  return { ok: true, value }
}
