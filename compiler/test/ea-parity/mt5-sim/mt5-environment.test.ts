import { describe, expect, it } from 'vitest'
import { MQL5_BUILTINS } from '../../support/mql5-syntax'
import { MT5_ENVIRONMENT } from './mt5-environment'

describe('the simulated terminal', () => {
  it('offers only MQL5 built-ins the syntax check knows (no invented names)', () => {
    const unknown = Object.keys(MT5_ENVIRONMENT.functions).filter((f) => !MQL5_BUILTINS.has(f))
    expect(unknown).toEqual([])
  })
})
