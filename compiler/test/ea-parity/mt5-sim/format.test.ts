import { describe, expect, it } from 'vitest'
import { doubleToString, formatMql5, printValue } from './format'

describe('PrintFormat / StringFormat', () => {
  it('formats the conversions our EAs use', () => {
    expect(
      formatMql5('%s %.2f lots, #%I64u: %u (%d%%) [%5d|%-4s|%05.1f]', [
        ['string', 'buy'],
        ['double', 0.126],
        ['ulong', 42],
        ['uint', 10009],
        ['int', -3],
        ['int', 7],
        ['string', 'ab'],
        ['double', 2.26],
      ]),
    ).toBe('buy 0.13 lots, #42: 10009 (-3%) [    7|ab  |002.3]')
  })

  it('refuses what MQL5 would print as garbage, or a conversion it does not model', () => {
    expect(() => formatMql5('%d', [['double', 1.5]])).toThrow(/%d given a double/)
    expect(() => formatMql5('%s', [['int', 1]])).toThrow(/%s given a int/)
    expect(() => formatMql5('%g', [['double', 1]])).toThrow(/conversion %g is not modelled/)
    expect(() => formatMql5('%d %d', [['int', 1]])).toThrow(/has no argument/)
    expect(() =>
      formatMql5('%d', [
        ['int', 1],
        ['int', 2],
      ]),
    ).toThrow(/takes 1 arguments, given 2/)
  })

  it('prints values and doubles with fixed digits', () => {
    expect(['x', true, 3].map((v, i) => printValue([['string', 'bool', 'long'][i]!, v]))).toEqual([
      'x',
      'true',
      '3',
    ])
    expect(doubleToString(1.100049, 5)).toBe('1.10005')
    expect(() => doubleToString(1, 17)).toThrow(/17 digits/)
  })
})
