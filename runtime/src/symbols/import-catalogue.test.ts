import { describe, expect, it } from 'vitest'
import { getSymbol } from './catalogue'
import { parseSymbolCatalogue, SymbolCatalogueFormatError } from './import-catalogue'

/** One symbol as TradeloomSymbolExport.mq5 writes it. */
const eurusd = {
  name: 'EURUSD',
  description: 'Euro vs US Dollar',
  digits: 5,
  point: 0.00001,
  tickSize: 0.00001,
  tickValue: 1,
  contractSize: 100000,
  volumeMin: 0.01,
  volumeMax: 100,
  volumeStep: 0.01,
  spread: 10,
  stopsLevel: 0,
  currencyBase: 'EUR',
  currencyProfit: 'USD',
  currencyMargin: 'EUR',
}

function exportFile(symbols: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'tradeloom-symbols',
    version: 1,
    exportedAt: '2026-01-05T10:00:00Z',
    account: {
      login: '51234567',
      server: 'Broker-Demo',
      company: 'Broker Ltd',
      currency: 'USD',
      marginMode: 'hedging',
    },
    symbols,
    ...extra,
  })
}

describe('parseSymbolCatalogue', () => {
  it('reads the exporter file into runtime specs equal to the built-in ones', () => {
    const ger40 = {
      ...eurusd,
      name: 'GER40.cash',
      description: 'Germany 40 \u00e9',
      digits: 1,
      point: 0.1,
      tickSize: 0.1,
      tickValue: 0.1,
      contractSize: 1,
      volumeMin: 0.1,
      volumeStep: 0.1,
      spread: 15,
      stopsLevel: 20,
    }
    const result = parseSymbolCatalogue('\ufeff' + exportFile([eurusd, ger40]))
    expect(result.errors).toEqual([])
    expect(result.account).toEqual({
      login: '51234567',
      server: 'Broker-Demo',
      company: 'Broker Ltd',
      currency: 'USD',
      marginMode: 'hedging',
    })
    expect(result.exportedAt).toBe('2026-01-05T10:00:00Z')
    expect(result.symbols[0]).toEqual({ ...getSymbol('EURUSD'), description: 'Euro vs US Dollar' })
    expect(result.symbols[1]).toMatchObject({
      name: 'GER40.cash',
      description: 'Germany 40 é',
      pipSize: 0.1,
      typicalSpread: 15,
      stopsLevel: 20,
    })
  })

  it('skips bad symbols one by one, naming index, symbol and field as the export spells it', () => {
    const result = parseSymbolCatalogue(
      exportFile([
        { ...eurusd, name: 'XAUUSD', tickValue: 0 },
        eurusd,
        { ...eurusd, spread: -1, name: 'BAD1' },
        { ...eurusd, name: 'BAD2', volumeStep: 'x' },
        { ...eurusd, name: '' },
        { ...eurusd, name: 'BAD3', volumeMax: 0.001 },
        'EURUSD',
        { ...eurusd, description: 'again' },
        { ...eurusd, name: 'BAD4', digits: 4 },
      ]),
    )
    expect(result.symbols.map((s) => s.name)).toEqual(['EURUSD'])
    expect(result.errors).toEqual([
      {
        index: 0,
        name: 'XAUUSD',
        field: 'tickValue',
        message: expect.stringMatching(
          /^tickValue must be a positive number, got 0 \(MT5 reports 0 until/,
        ),
      },
      {
        index: 2,
        name: 'BAD1',
        field: 'spread',
        message: 'spread must be a number >= 0 (points), got -1',
      },
      {
        index: 3,
        name: 'BAD2',
        field: 'volumeStep',
        message: 'volumeStep must be a number, got "x"',
      },
      { index: 4, field: 'name', message: 'name must be a non-empty string' },
      {
        index: 5,
        name: 'BAD3',
        field: 'volumeMax',
        message: 'volumeMax 0.001 is below volumeMin 0.01',
      },
      { index: 6, message: 'is not an object' },
      {
        index: 7,
        name: 'EURUSD',
        field: 'name',
        message: 'EURUSD appears twice (first at index 1); the first one is kept',
      },
      {
        index: 8,
        name: 'BAD4',
        field: 'point',
        message: 'point 0.00001 does not match digits 4 (expected 0.0001)',
      },
    ])
  })

  it('throws a format error for anything that is not the exporter file', () => {
    expect(() => parseSymbolCatalogue('{"symbols": [')).toThrow(SymbolCatalogueFormatError)
    expect(() => parseSymbolCatalogue('[]')).toThrow('"format" must be "tradeloom-symbols"')
    expect(() => parseSymbolCatalogue(exportFile([], { version: 2 }))).toThrow(
      'The export is version 2',
    )
    expect(() => parseSymbolCatalogue(exportFile([], { symbols: {} }))).toThrow(
      'has no "symbols" list',
    )
    expect(parseSymbolCatalogue(exportFile([], { account: null }))).toEqual({
      account: null,
      exportedAt: '2026-01-05T10:00:00Z',
      symbols: [],
      errors: [],
    })
  })
})
