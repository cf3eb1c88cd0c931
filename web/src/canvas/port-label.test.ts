import { describe, expect, it } from 'vitest'
import { humanizeName } from './port-label'

describe('humanizeName', () => {
  it('splits camelCase and capitalises the first word only', () => {
    expect(humanizeName('stopLoss')).toBe('Stop loss')
    expect(humanizeName('trailingStop')).toBe('Trailing stop')
    expect(humanizeName('a')).toBe('A')
    expect(humanizeName('break-even')).toBe('Break even')
    expect(humanizeName('when')).toBe('When')
  })
})
