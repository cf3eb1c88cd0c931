import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './main'

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data')
const hasData = existsSync(join(dataDir, 'EURUSD_H1_mt5_tab.csv'))

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('tradeloom CLI', () => {
  it('lists the templates', () => {
    const { code, out } = run('templates')
    expect(code).toBe(0)
    expect(out).toMatch(/^sma-cross\s+Moving-average crossover/m)
    expect(out.split('\n').length).toBeGreaterThanOrEqual(8)
  })

  it('explains usage mistakes with exit code 2', () => {
    expect(run('backtest', '--template', 'nope', '--data', 'x.csv')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown'),
    })
    expect(run('backtest', '--template', 'sma-cross')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--data'),
    })
    expect(run('backtest', '--template', 'sma-cross', '--data', '/no/such.csv')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    })
    expect(run('backtest', '--bogus')).toMatchObject({ code: 2 })
    expect(run('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command'),
    })
  })

  it('prints compile diagnostics naming the node for a bad graph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradeloom-cli-'))
    const graph = join(dir, 'graph.json')
    writeFileSync(
      graph,
      JSON.stringify({
        schemaVersion: 1,
        meta: { name: 'x', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
        nodes: [{ id: 'a', kind: 'sma', params: { period: 0 }, position: { x: 0, y: 0 } }],
        edges: [],
      }),
    )
    const { code, out } = run('backtest', '--graph', graph, '--data', graph)
    expect(code).toBe(1)
    expect(out).toContain('param-out-of-range [node a]')
  })

  describe.skipIf(!hasData)('on the shared MT5 and Yahoo files', () => {
    it('backtests a template on EURUSD H1 and reports trades', () => {
      const { code, out } = run(
        'backtest',
        '--template',
        'sma-cross',
        '--data',
        join(dataDir, 'EURUSD_H1_mt5_tab.csv'),
      )
      expect(code).toBe(0)
      expect(out).toContain('Net profit')
      expect(out).toMatch(/Trades \(\d{3,}/)
      expect(out).toMatch(/BUY\s+0\.10\s+2015-01-\d\d/)
    })

    it('prints stats and trades as JSON, within a date window', () => {
      const { code, out } = run(
        'backtest',
        '--template',
        'macd-trend',
        '--data',
        join(dataDir, 'EURUSD_H1_mt5_tab.csv'),
        '--from',
        '2020-01-01',
        '--to',
        '2021-01-01',
        '--commission',
        'per-lot:3.5',
        '--json',
      )
      expect(code).toBe(0)
      const result = JSON.parse(out) as {
        stats: { tradeCount: number }
        trades: {
          side: string
          volume: number
          entryTime: number
          exitTime: number
          entryPrice: number
          exitPrice: number
          profit: number
          grossProfit: number
          commission: number
        }[]
      }
      expect(result.trades.length).toBe(result.stats.tradeCount)
      expect(result.trades.length).toBeGreaterThan(10)
      const first = result.trades[0]!
      expect(Object.keys(first)).toEqual(
        expect.arrayContaining([
          'side',
          'volume',
          'entryTime',
          'entryPrice',
          'exitTime',
          'exitPrice',
          'profit',
        ]),
      )
      expect(first.entryTime).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1) / 1000)
      expect(result.trades.at(-1)!.exitTime).toBeLessThan(Date.UTC(2021, 0, 1) / 1000)
      // 0.1 lot × 3.5 per lot per side × 2 sides, taken off the trade's gross profit.
      expect(first.commission).toBeCloseTo(0.7, 6)
      expect(first.profit).toBeCloseTo(first.grossProfit - 0.7, 6)
    })

    it('stops on GSPC with a data-quality report naming the rows with open = 0', () => {
      const { code, out } = run(
        'backtest',
        '--template',
        'sma-cross',
        '--data',
        join(dataDir, 'GSPC_daily_yahoo.csv'),
      )
      expect(code).toBe(1)
      expect(out).toContain('line 8511: open 0 is not a positive price')
      expect(out).toMatch(/non-positive-price: 5075/)
    })
  })
})
