import { describe, expect, it } from 'vitest'
import { humanizePort } from './port-label'

describe('humanizePort', () => {
  it('splits camelCase, dashes and underscores into lower-case words', () => {
    expect(humanizePort('stopLoss')).toBe('stop loss')
    expect(humanizePort('break-even')).toBe('break even')
    expect(humanizePort('cloudA')).toBe('cloud a')
  })

  it('keeps DI as the abbreviation traders know', () => {
    expect(humanizePort('plusDi')).toBe('plus DI')
  })
})
