import { defineSymbol } from './symbol-spec'
import type { SymbolSpec, SymbolSpecInput } from './symbol-spec'

/**
 * Reads the JSON written by `mql5-templates/Scripts/TradeloomSymbolExport.mq5`: the Market
 * Watch symbols of one MT5 account with the properties a backtest and a deployment need. Symbols
 * are checked one by one (a bad one is named in `errors` and skipped); a text that is not that
 * file at all throws {@link SymbolCatalogueFormatError}, so nothing is imported from it.
 */

export const SYMBOL_CATALOGUE_FORMAT = 'tradeloom-symbols'
export const SYMBOL_CATALOGUE_VERSION = 1

/** The account the file was exported from, as the script read it. */
export interface CatalogueAccount {
  readonly login: string
  readonly server: string
  readonly company: string
  readonly currency: string
  readonly marginMode: string
}

/** One symbol that could not be imported: its position in `symbols`, and what is wrong. */
export interface CatalogueError {
  readonly index: number
  readonly name?: string
  readonly field?: string
  readonly message: string
}

export interface SymbolCatalogue {
  readonly account: CatalogueAccount | null
  readonly exportedAt: string | null
  readonly symbols: SymbolSpec[]
  readonly errors: CatalogueError[]
}

/** The text is not an export of the script (not JSON, another format or version). */
export class SymbolCatalogueFormatError extends Error {
  override readonly name = 'SymbolCatalogueFormatError'
}

/** Numeric properties every exported symbol carries, and the SymbolSpec field each fills. */
const NUMBER_FIELDS = [
  ['digits', 'digits'],
  ['point', 'point'],
  ['tickSize', 'tickSize'],
  ['tickValue', 'tickValue'],
  ['contractSize', 'contractSize'],
  ['volumeMin', 'volumeMin'],
  ['volumeMax', 'volumeMax'],
  ['volumeStep', 'volumeStep'],
  ['spread', 'typicalSpread'],
  ['stopsLevel', 'stopsLevel'],
] as const

/** The export's spec fields by SymbolSpec name, to name the field of a `defineSymbol` error. */
const EXPORT_FIELD: Record<string, string> = Object.fromEntries(
  NUMBER_FIELDS.map(([exported, spec]) => [spec, exported]),
)

/**
 * Parses an exporter file into runtime symbol specs.
 *
 * @example
 * const { symbols, errors } = parseSymbolCatalogue(await file.text())
 */
export function parseSymbolCatalogue(jsonText: string): SymbolCatalogue {
  let root: unknown
  try {
    root = JSON.parse(jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText)
  } catch (error) {
    throw new SymbolCatalogueFormatError(
      `The file is not JSON (${(error as Error).message}); export it again with TradeloomSymbolExport`,
    )
  }
  if (!isObject(root) || root.format !== SYMBOL_CATALOGUE_FORMAT) {
    throw new SymbolCatalogueFormatError(
      `The file is not a TradeloomSymbolExport file: "format" must be "${SYMBOL_CATALOGUE_FORMAT}"`,
    )
  }
  if (root.version !== SYMBOL_CATALOGUE_VERSION) {
    throw new SymbolCatalogueFormatError(
      `The export is version ${JSON.stringify(root.version)}; this Tradeloom reads version ${SYMBOL_CATALOGUE_VERSION}`,
    )
  }
  if (!Array.isArray(root.symbols)) {
    throw new SymbolCatalogueFormatError('The export has no "symbols" list')
  }
  const symbols: SymbolSpec[] = []
  const errors: CatalogueError[] = []
  const seen = new Map<string, number>()
  root.symbols.forEach((entry: unknown, index: number) => {
    const parsed = parseSymbol(entry, index)
    if ('error' in parsed) {
      errors.push(parsed.error)
      return
    }
    const first = seen.get(parsed.spec.name)
    if (first !== undefined) {
      errors.push({
        index,
        name: parsed.spec.name,
        field: 'name',
        message: `${parsed.spec.name} appears twice (first at index ${first}); the first one is kept`,
      })
      return
    }
    seen.set(parsed.spec.name, index)
    symbols.push(parsed.spec)
  })
  return {
    account: parseAccount(root.account),
    exportedAt: typeof root.exportedAt === 'string' ? root.exportedAt : null,
    symbols,
    errors,
  }
}

function parseSymbol(
  entry: unknown,
  index: number,
): { spec: SymbolSpec } | { error: CatalogueError } {
  if (!isObject(entry)) return { error: { index, message: 'is not an object' } }
  const name = entry.name
  if (typeof name !== 'string' || name.trim() === '') {
    return { error: { index, field: 'name', message: 'name must be a non-empty string' } }
  }
  const fail = (field: string, message: string) => ({ error: { index, name, field, message } })
  const values: Record<string, number> = {}
  for (const [exported, spec] of NUMBER_FIELDS) {
    const value = entry[exported]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail(
        exported,
        `${exported} must be a number, got ${JSON.stringify(value) ?? 'nothing'}`,
      )
    }
    values[spec] = value
  }
  // MT5's point is always 10^-digits; a mismatch means a damaged or hand-edited file, and a
  // pip derived from the digits would be wrong.
  const digits = values.digits!
  const expectedPoint = 1 / 10 ** digits
  const digitsValid = Number.isInteger(digits) && digits >= 0 && digits <= 10
  if (digitsValid && Math.abs(values.point! - expectedPoint) > expectedPoint * 1e-9) {
    return fail(
      'point',
      `point ${values.point} does not match digits ${values.digits} (expected ${expectedPoint})`,
    )
  }
  if (entry.description !== undefined && typeof entry.description !== 'string') {
    return fail('description', 'description must be a string')
  }
  const input: SymbolSpecInput = {
    name: name.trim(),
    description: typeof entry.description === 'string' ? entry.description : undefined,
    digits: values.digits!,
    point: values.point!,
    tickSize: values.tickSize!,
    tickValue: values.tickValue!,
    contractSize: values.contractSize!,
    volumeMin: values.volumeMin!,
    volumeMax: values.volumeMax!,
    volumeStep: values.volumeStep!,
    typicalSpread: values.typicalSpread!,
    stopsLevel: values.stopsLevel!,
  }
  try {
    return { spec: defineSymbol(input) }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // defineSymbol says `symbol "X": <field> must ...`: name the field as the export spells it.
    const specField = /: (\w+) /.exec(error.message)?.[1] ?? 'symbol'
    const field = EXPORT_FIELD[specField] ?? specField
    let message = error.message.slice(error.message.indexOf(': ') + 2).replace(specField, field)
    if (field === 'tickValue' && input.tickValue === 0) {
      message +=
        ' (MT5 reports 0 until the symbol has prices: open its chart or wait for quotes, then export again)'
    }
    return fail(field, message)
  }
}

function parseAccount(value: unknown): CatalogueAccount | null {
  if (!isObject(value)) return null
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
  return {
    login: text(value.login),
    server: text(value.server),
    company: text(value.company),
    currency: text(value.currency),
    marginMode: text(value.marginMode),
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
