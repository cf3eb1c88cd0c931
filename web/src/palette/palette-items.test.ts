import { describe, expect, it } from 'vitest'
import { nodeDefinitions } from '@tradeloom/compiler'
import { paletteGroups } from './palette-items'

describe('paletteGroups', () => {
  it('lists every node kind exactly once, grouped by category in reading order', () => {
    const groups = paletteGroups('')
    const kinds = groups.flatMap((group) => group.items.map((item) => item.kind))
    expect(kinds.sort()).toEqual(Object.keys(nodeDefinitions).sort())
    expect(groups[0]?.id).toBe('source')
    expect(groups.map((group) => group.id)).toContain('risk')
  })

  it('filters by every word of the search, across label and description', () => {
    const groups = paletteGroups('moving average')
    const kinds = groups.flatMap((group) => group.items.map((item) => item.kind))
    expect(kinds).toContain('sma')
    expect(kinds).toContain('ema')
    expect(kinds).not.toContain('rsi')
    expect(paletteGroups('no such block anywhere')).toEqual([])
  })
})
