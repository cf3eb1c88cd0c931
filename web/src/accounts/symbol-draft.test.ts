import { describe, expect, it } from 'vitest'
import type { AccountSymbol } from '../api/accounts'
import { draftOf, symbolFromDraft } from './symbol-draft'

const eurusd: AccountSymbol = {
  name: 'EURUSD',
  description: 'Euro vs US Dollar',
  digits: 5,
  point: 0.00001,
  pipSize: 0.0001,
  tickSize: 0.00001,
  tickValue: 1,
  contractSize: 100_000,
  volumeMin: 0.01,
  volumeMax: 100,
  volumeStep: 0.01,
  typicalSpread: 10,
  stopsLevel: 0,
}

describe('symbol rows', () => {
  it('round-trips a symbol and keeps point and pip size while digits stay', () => {
    const result = symbolFromDraft(draftOf(eurusd), eurusd)
    expect(result).toEqual({ ok: true, symbol: eurusd })
  })

  it('drops point and pip size when digits change, so the server derives them again', () => {
    const draft = { ...draftOf(eurusd), digits: '3' }
    const result = symbolFromDraft(draft, eurusd)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.symbol.digits).toBe(3)
    expect(result.symbol).not.toHaveProperty('point')
    expect(result.symbol).not.toHaveProperty('pipSize')
  })

  it('names the field that is wrong', () => {
    expect(symbolFromDraft({ ...draftOf(eurusd), volumeStep: '0' })).toEqual({
      ok: false,
      field: 'volumeStep',
      message: 'Lot step must be above 0.',
    })
    expect(symbolFromDraft({ ...draftOf(eurusd), digits: '2.5' })).toMatchObject({
      ok: false,
      field: 'digits',
    })
    expect(symbolFromDraft({ ...draftOf(eurusd), tickValue: 'abc' })).toMatchObject({
      ok: false,
      field: 'tickValue',
    })
    expect(symbolFromDraft({ ...draftOf(eurusd), typicalSpread: '-1' })).toMatchObject({
      ok: false,
      field: 'typicalSpread',
    })
    expect(symbolFromDraft({ ...draftOf(eurusd), volumeMax: '0.001' })).toMatchObject({
      ok: false,
      field: 'volumeMax',
    })
    expect(symbolFromDraft({ ...draftOf(eurusd), name: 'EUR USD' })).toMatchObject({
      ok: false,
      field: 'name',
    })
  })

  it('starts a new row empty and names the symbol as its description by default', () => {
    const draft = { ...draftOf(eurusd), name: 'EURUSD.m', description: ' ' }
    const result = symbolFromDraft(draft)
    expect(result.ok && result.symbol.description).toBe('EURUSD.m')
    expect(draftOf(undefined).volumeStep).toBe('')
  })
})
