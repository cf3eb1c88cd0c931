import { mql5Sources } from '@tradeloom/mql5-templates'
import { describe, expect, it } from 'vitest'
import { findMql5SyntaxProblems, findUndefinedCalls } from './support/mql5-syntax'

const PATH = 'Scripts/TradeloomSymbolExport.mq5'

describe(PATH, () => {
  const source = mql5Sources[PATH]!

  it('parses with zero error or missing nodes and calls only MQL5 built-ins or its own functions', async () => {
    expect(source).toBeDefined()
    expect(await findMql5SyntaxProblems(source)).toEqual([])
    expect(await findUndefinedCalls(source)).toEqual([])
  })

  it('is a self-contained script writing the documented format to the common data folder', () => {
    // Dropped alone into MQL5\Scripts: no include library needed, pure ASCII like every template.
    expect(source).not.toMatch(/#include/)
    expect(source).toMatch(/^void OnStart\(\)$/m)
    const printable = (c: string) => c === '\t' || c === '\n' || (c >= ' ' && c <= '~')
    expect([...source].every(printable)).toBe(true)
    expect(source).toContain('#define TL_EXPORT_FORMAT       "tradeloom-symbols"')
    expect(source).toContain('SymbolsTotal(true)')
    expect(source).toContain('SymbolName(i, true)')
    expect(source).toContain('FILE_COMMON')
    expect(source).toContain('"tradeloom-symbols-" + IntegerToString(login) + ".json"')
    for (const member of [
      'name',
      'description',
      'digits',
      'point',
      'tickSize',
      'tickValue',
      'contractSize',
      'volumeMin',
      'volumeMax',
      'volumeStep',
      'spread',
      'stopsLevel',
      'currencyBase',
      'currencyProfit',
      'currencyMargin',
      'login',
      'server',
      'company',
      'currency',
      'marginMode',
      'format',
      'version',
      'exportedAt',
    ]) {
      expect(source, member).toContain(`TlExportMember("${member}"`)
    }
  })
})
