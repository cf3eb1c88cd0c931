import { beforeEach, describe, expect, it } from 'vitest'
import { useCodeStore } from './useCodeStore'

describe('useCodeStore', () => {
  beforeEach(() => useCodeStore.getState().reset())

  it('takes the generated code over and tracks edits until saved', () => {
    const plot = { key: 'sma_1', label: 'SMA', nodeId: 'sma_1', pane: 'price' as const }
    useCodeStore.getState().takeOver('export const x = 1', [plot])
    expect(useCodeStore.getState()).toMatchObject({
      mode: 'code',
      code: 'export const x = 1',
      dirty: true,
    })
    useCodeStore.getState().markSaved()
    useCodeStore.getState().setCode('export const x = 2')
    expect(useCodeStore.getState()).toMatchObject({
      code: 'export const x = 2',
      dirty: true,
      plots: [plot],
    })
  })

  it('opens saved code clean and goes back to graph mode on reset', () => {
    useCodeStore.getState().loadCode('code')
    expect(useCodeStore.getState()).toMatchObject({ mode: 'code', dirty: false })
    useCodeStore.getState().reset()
    expect(useCodeStore.getState().mode).toBe('graph')
  })
})
