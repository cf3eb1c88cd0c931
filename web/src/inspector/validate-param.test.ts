import { describe, expect, it } from 'vitest'
import { nodeDefinitions } from '@tradeloom/compiler'
import { validateParam } from './validate-param'

const period = nodeDefinitions.sma.params.period
const field = nodeDefinitions.price.params.field

describe('validateParam', () => {
  it('accepts a whole number in range', () => {
    expect(validateParam(period, ' 14 ')).toEqual({ ok: true, value: 14 })
  })

  it('explains what is wrong with a bad number', () => {
    expect(validateParam(period, '')).toEqual({ ok: false, message: 'Enter a number' })
    expect(validateParam(period, 'ten')).toEqual({ ok: false, message: '“ten” is not a number' })
    expect(validateParam(period, '2.5')).toEqual({ ok: false, message: 'Enter a whole number' })
    expect(validateParam(period, '0')).toEqual({ ok: false, message: 'Between 1 and 5000 bars' })
  })

  it('accepts only listed options for enums', () => {
    expect(validateParam(field, 'high')).toEqual({ ok: true, value: 'high' })
    expect(validateParam(field, 'volume').ok).toBe(false)
  })
})
