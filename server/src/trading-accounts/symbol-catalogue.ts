import type { AccountSymbol } from '@tradeloom/drizzle'
import { defineSymbol, SYMBOLS } from '@tradeloom/runtime'
import type { SymbolSpec, SymbolSpecInput } from '@tradeloom/runtime'
import { z } from 'zod'
import { ValidationError } from '../errors'
import { sortSymbols } from './dto'

/** A symbol's contract as stored on an account: exactly the runtime's `SymbolSpec`. */
export function toAccountSymbol(spec: SymbolSpec): AccountSymbol {
  return {
    name: spec.name,
    description: spec.description,
    digits: spec.digits,
    point: spec.point,
    pipSize: spec.pipSize,
    tickSize: spec.tickSize,
    tickValue: spec.tickValue,
    contractSize: spec.contractSize,
    volumeMin: spec.volumeMin,
    volumeMax: spec.volumeMax,
    volumeStep: spec.volumeStep,
    typicalSpread: spec.typicalSpread,
    stopsLevel: spec.stopsLevel,
  }
}

/** A new account's catalogue: the runtime's built-in symbols (USD account specs). */
export function defaultCatalogue(): AccountSymbol[] {
  return sortSymbols(Object.values(SYMBOLS).map(toAccountSymbol))
}

/** A symbol name as brokers write them (`EURUSD`, `EURUSD.m`, `#AAPL`, `GER40Cash`). */
export const symbolName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')

// Types here; ranges are `defineSymbol`'s, so the API and the runtime accept the same specs.
export const symbolBody = z.object({
  description: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  digits: z.number().int('must be an integer'),
  point: z.number().optional(),
  pipSize: z.number().optional(),
  tickSize: z.number(),
  tickValue: z.number(),
  contractSize: z.number(),
  volumeMin: z.number(),
  volumeMax: z.number(),
  volumeStep: z.number(),
  typicalSpread: z.number(),
  stopsLevel: z.number().optional(),
})
export type SymbolBody = z.infer<typeof symbolBody>

const SPEC_FIELDS = [
  'name',
  'description',
  'digits',
  'point',
  'pipSize',
  'tickSize',
  'tickValue',
  'contractSize',
  'volumeMin',
  'volumeMax',
  'volumeStep',
  'typicalSpread',
  'stopsLevel',
] as const

/**
 * The field a `defineSymbol` RangeError is about: its messages read
 * `symbol "X": <field> must ...` (or `defineSymbol: name ...`).
 */
export function fieldOfSymbolError(message: string): string {
  const rest = message.slice(message.indexOf(': ') + 2)
  const word = /^(\w+)/.exec(rest)?.[1]
  return SPEC_FIELDS.find((field) => field === word) ?? 'symbol'
}

/** Completes and validates one symbol with the runtime's rules; a 400 naming the bad field. */
export function validateSymbol(name: string, body: SymbolBody): AccountSymbol {
  const input: SymbolSpecInput = { name, ...body }
  try {
    return toAccountSymbol(defineSymbol(input))
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const field = fieldOfSymbolError(error.message)
    throw new ValidationError(`Invalid symbol ${name}: ${error.message}`, [
      { path: field, message: error.message },
    ])
  }
}

/** The catalogue with `symbol` added, or replacing the one of the same name. */
export function upsertSymbol(
  catalogue: readonly AccountSymbol[],
  symbol: AccountSymbol,
): AccountSymbol[] {
  return sortSymbols([...catalogue.filter((s) => s.name !== symbol.name), symbol])
}
