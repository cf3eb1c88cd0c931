import { describe, expect, it } from 'vitest'
import { contentDisposition } from './download-name'

describe('contentDisposition', () => {
  it('gives an ASCII name and the name as typed', () => {
    expect(contentDisposition('RSI / Bollinger "fade"', 3, 'mq5')).toBe(
      `attachment; filename="RSI_Bollinger_fade_v3.mq5"; filename*=UTF-8''${encodeURIComponent('RSI _ Bollinger _fade__v3.mq5')}`,
    )
  })

  it('falls back to "strategy" when nothing printable is left', () => {
    expect(contentDisposition('日本', 1, 'ts')).toMatch(
      /^attachment; filename="strategy_v1\.ts"; filename\*=UTF-8''%E6%97%A5%E6%9C%AC_v1\.ts$/,
    )
  })
})
