import type { AccountSymbol, SymbolInput } from '../api/accounts'

type NumberField = Exclude<keyof SymbolInput, 'name' | 'description' | 'point' | 'pipSize'>

/** The editable columns of the catalogue, in table order. */
export const SYMBOL_COLUMNS: readonly {
  field: NumberField
  label: string
  rule: 'digits' | 'positive' | 'points'
}[] = [
  { field: 'digits', label: 'Digits', rule: 'digits' },
  { field: 'tickSize', label: 'Tick size', rule: 'positive' },
  { field: 'tickValue', label: 'Tick value', rule: 'positive' },
  { field: 'contractSize', label: 'Contract size', rule: 'positive' },
  { field: 'volumeMin', label: 'Min lots', rule: 'positive' },
  { field: 'volumeMax', label: 'Max lots', rule: 'positive' },
  { field: 'volumeStep', label: 'Lot step', rule: 'positive' },
  { field: 'typicalSpread', label: 'Spread (pts)', rule: 'points' },
  { field: 'stopsLevel', label: 'Stops level (pts)', rule: 'points' },
]

/** A row being edited: every field as typed. */
export type SymbolDraft = { name: string; description: string } & Record<NumberField, string>

export function draftOf(symbol: AccountSymbol | undefined): SymbolDraft {
  const draft = { name: symbol?.name ?? '', description: symbol?.description ?? '' } as SymbolDraft
  for (const { field } of SYMBOL_COLUMNS) draft[field] = symbol ? String(symbol[field]) : ''
  return draft
}

export type DraftResult =
  { ok: true; symbol: SymbolInput } | { ok: false; field: keyof SymbolDraft; message: string }

/**
 * Turns a typed row into the symbol to send, checking what the runtime's `defineSymbol` checks
 * so a mistake is named at once (the server checks again). `point` and `pipSize` are kept from
 * the original only while `digits` is unchanged; otherwise the server derives them again.
 */
export function symbolFromDraft(draft: SymbolDraft, original?: AccountSymbol): DraftResult {
  const name = draft.name.trim()
  if (name === '') return { ok: false, field: 'name', message: 'Name the symbol, e.g. EURUSD.' }
  if (!/^[\x21-\x7e]{1,32}$/.test(name)) {
    return {
      ok: false,
      field: 'name',
      message: 'A symbol name is 1 to 32 printable characters without spaces.',
    }
  }
  const values = {} as Record<NumberField, number>
  for (const { field, label, rule } of SYMBOL_COLUMNS) {
    const text = draft[field].trim()
    const value = Number(text)
    if (text === '' || !Number.isFinite(value)) {
      return { ok: false, field, message: `${label} must be a number.` }
    }
    if (rule === 'digits' && (!Number.isInteger(value) || value < 0 || value > 10)) {
      return { ok: false, field, message: `${label} must be a whole number from 0 to 10.` }
    }
    if (rule === 'positive' && value <= 0) {
      return { ok: false, field, message: `${label} must be above 0.` }
    }
    if (rule === 'points' && value < 0) {
      return { ok: false, field, message: `${label} must be 0 or more.` }
    }
    values[field] = value
  }
  if (values.volumeMax < values.volumeMin) {
    return { ok: false, field: 'volumeMax', message: 'Max lots must not be below min lots.' }
  }
  const keepDerived = original !== undefined && original.digits === values.digits
  return {
    ok: true,
    symbol: {
      name,
      description: draft.description.trim() || name,
      ...values,
      ...(keepDerived ? { point: original.point, pipSize: original.pipSize } : {}),
    },
  }
}
