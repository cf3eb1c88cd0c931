import { z } from 'zod'

/** A point in time: ISO 8601 or epoch seconds (a number, or a string of one); parsed to seconds. */
export const timeParam = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value
  const trimmed = value.trim()
  const seconds = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed) / 1000
  if (!Number.isFinite(seconds)) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO date-time or epoch seconds' })
    return z.NEVER
  }
  return seconds
})
