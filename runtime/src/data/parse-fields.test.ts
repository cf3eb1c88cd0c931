import { describe, expect, it } from 'vitest'
import { seededRandom } from '../indicators/test-series'
import { daysFromCivil, parseDateTime, parseDecimal, parseTimeOfDay } from './parse-fields'

const dec = (s: string) => parseDecimal(s, 0, s.length)
const dt = (s: string) => parseDateTime(s, 0, s.length)
const tod = (s: string) => parseTimeOfDay(s, 0, s.length)

describe('parseDecimal', () => {
  it('reads plain decimals exactly like Number()', () => {
    for (const s of [
      '1.10295',
      '0',
      '-0.5',
      '+3',
      '17.65999984741211',
      '4773.4501953125',
      '1e-3',
      '12.',
    ])
      expect(Object.is(dec(s), Number(s)), s).toBe(true)
  })

  it('equals Number() bit for bit on random decimals, including 17+ digit ones', () => {
    const rnd = seededRandom(1)
    for (let i = 0; i < 2000; i++) {
      const digits = 1 + Math.floor(rnd() * 19)
      const v = (rnd() * 10 ** (digits % 8)).toFixed(digits % 20)
      expect(dec(v), v).toBe(Number(v))
    }
  })

  it('reads a field inside a line and tolerates quotes and spaces', () => {
    const line = 'x\t1.25\ty'
    expect(parseDecimal(line, 2, 6)).toBe(1.25)
    expect(dec('"2.5"')).toBe(2.5)
    expect(dec(' 3 ')).toBe(3)
  })

  it('rejects what is not a decimal number', () => {
    for (const s of ['', 'abc', 'null', '0x10', 'Infinity', '1.2.3', '1,5', '-'])
      expect(dec(s), s).toBeNaN()
  })
})

describe('parseDateTime', () => {
  it('reads MT5 and ISO dates as UTC epoch seconds', () => {
    expect(dt('2020.01.27')).toBe(Date.UTC(2020, 0, 27) / 1000)
    expect(dt('1927-12-30')).toBe(Date.UTC(1927, 11, 30) / 1000)
    expect(dt('2020/02/29 13:45')).toBe(Date.UTC(2020, 1, 29, 13, 45) / 1000)
    expect(dt('2021-03-04T05:06:07Z')).toBe(Date.UTC(2021, 2, 4, 5, 6, 7) / 1000)
    expect(dt('2021-03-04T05:06:07.250Z')).toBe(Date.UTC(2021, 2, 4, 5, 6, 7) / 1000)
  })

  it('applies time-zone offsets', () => {
    expect(dt('2021-03-04T05:00:00+02:00')).toBe(Date.UTC(2021, 2, 4, 3) / 1000)
    expect(dt('2021-03-04 05:00-0130')).toBe(Date.UTC(2021, 2, 4, 6, 30) / 1000)
  })

  it('rejects impossible or unsupported dates', () => {
    for (const s of [
      '2021-02-29',
      '2021-13-01',
      '27.01.2020',
      '2020-01-01X',
      '2020-01-01 25:00',
      '',
    ]) {
      expect(dt(s), s).toBeNaN()
    }
  })

  it('agrees with Date.UTC over a wide range of days', () => {
    for (let y = 1900; y <= 2100; y += 7) {
      for (const [m, d] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const) {
        expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86400000)
      }
    }
  })
})

describe('parseTimeOfDay', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(tod('00:15:00')).toBe(900)
    expect(tod('23:59')).toBe(86340)
  })

  it('rejects bad times', () => {
    for (const s of ['24:00', '12:60', '1:00', '12:00:61', '']) expect(tod(s), s).toBeNaN()
  })
})
