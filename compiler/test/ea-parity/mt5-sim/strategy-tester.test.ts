import { createBars, getSymbol } from '@tradeloom/runtime'
import type { Bars } from '@tradeloom/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ExpertProgram, InputValue } from './load-expert'
import { loadExpert } from './load-expert'
import type { StopModel } from './stops'
import { runStrategyTester } from './strategy-tester'

/** A small EA: logs every tick, buys on the first with stops at the given distances. */
const EA = `#include <Trade\\Trade.mqh>
input double InpStopDistance   = 0.0;  // price units, 0 = none
input double InpTargetDistance = 0.0;
input double InpLots           = 0.1;
input int    InpBuys           = 1;    // buys on the first ticks
CTrade g_trade;
int    g_ticks = 0;
int OnInit()
  {
   g_trade.SetExpertMagicNumber(7);
   return(INIT_SUCCEEDED);
  }
void OnDeinit(const int reason)
  {
  }
void OnTick()
  {
   g_ticks++;
   MqlRates r[];
   ArraySetAsSeries(r, false);
   const int copied = CopyRates(_Symbol, _Period, 0, 2, r);
   PrintFormat("tick %d t=%I64d bid=%s ask=%s forming=%s/%s/%s/%s equity=%.2f", g_ticks, TimeCurrent(),
               DoubleToString(SymbolInfoDouble(_Symbol, SYMBOL_BID), _Digits),
               DoubleToString(SymbolInfoDouble(_Symbol, SYMBOL_ASK), _Digits),
               DoubleToString(r[copied - 1].open, _Digits), DoubleToString(r[copied - 1].high, _Digits),
               DoubleToString(r[copied - 1].low, _Digits), DoubleToString(r[copied - 1].close, _Digits),
               AccountInfoDouble(ACCOUNT_EQUITY));
   if(g_ticks > InpBuys)
      return;
   const double ask = SymbolInfoDouble(_Symbol, SYMBOL_ASK);
   const double sl = (InpStopDistance > 0.0) ? NormalizeDouble(ask - InpStopDistance, _Digits) : 0.0;
   const double tp = (InpTargetDistance > 0.0) ? NormalizeDouble(ask + InpTargetDistance, _Digits) : 0.0;
   if(!g_trade.Buy(InpLots, _Symbol, 0.0, sl, tp, "test"))
      PrintFormat("refused %u %s", g_trade.ResultRetcode(), g_trade.ResultRetcodeDescription());
  }
`

/** Bars from [open, high, low, close] rows, an hour apart, spread 10 points. */
function bars(rows: readonly (readonly [number, number, number, number])[]): Bars {
  const b = createBars(rows.length)
  rows.forEach(([o, h, l, c], i) => {
    b.time[i] = 1_750_000_000 - (1_750_000_000 % 3600) + i * 3600
    b.open[i] = o
    b.high[i] = h
    b.low[i] = l
    b.close[i] = c
    b.tickVolume[i] = 100
    b.spread[i] = 10
  })
  return b
}

const HISTORY = [1.1, 1.101, 1.099, 1.1005] as const
const symbol = getSymbol('EURUSD')
let expert: ExpertProgram

beforeAll(async () => {
  expert = await loadExpert(EA)
})

function run(
  rows: readonly (readonly [number, number, number, number])[],
  stopModel: StopModel,
  inputs: Record<string, InputValue> = {},
  accountMode: 'netting' | 'hedging' = 'netting',
) {
  return runStrategyTester(expert, {
    bars: bars([HISTORY, ...rows]),
    symbol,
    timeframe: 'H1',
    startBar: 1,
    deposit: 10_000,
    accountMode,
    stopModel,
    inputs,
  })
}

describe('the simulated Strategy Tester', () => {
  it('calls OnTick once per bar, at its open, with only the open of the forming bar known', () => {
    const report = run(
      [
        [1.1005, 1.102, 1.0995, 1.1015],
        [1.1015, 1.103, 1.101, 1.102],
      ],
      'open-prices',
      { InpBuys: 0 },
    )
    const t0 = 1_750_000_000 - (1_750_000_000 % 3600)
    expect(report.log.map((l) => l.text)).toEqual([
      `tick 1 t=${t0 + 3600} bid=1.10050 ask=1.10060 forming=1.10050/1.10050/1.10050/1.10050 equity=10000.00`,
      `tick 2 t=${t0 + 7200} bid=1.10150 ask=1.10160 forming=1.10150/1.10150/1.10150/1.10150 equity=10000.00`,
    ])
  })

  // Entry at Ask 1.10060: stop 1.09980, target 1.10160; the bar reaches both.
  const both = (close: number) => [[1.1005, 1.102, 1.0995, close] as const]
  const stops = { InpStopDistance: 0.0008, InpTargetDistance: 0.001 }

  it('"Open prices only": a rising bar dips first, so the stop fills at the low tick', () => {
    const [trade] = run(both(1.1015), 'open-prices', stops).trades
    expect(trade).toMatchObject({ reason: 'sl', exitBar: 1, exitPrice: 1.0995, profit: -11 })
  })

  it('"Open prices only": a falling bar rallies first, so the target fills at the high tick', () => {
    const [trade] = run(both(1.1), 'open-prices', stops).trades
    expect(trade).toMatchObject({ reason: 'tp', exitBar: 1, exitPrice: 1.102, profit: 14 })
  })

  it('the runtime’s rules: levels fill where they lie and the stop wins a bar that reached both', () => {
    for (const close of [1.1015, 1.1]) {
      const [trade] = run(both(close), 'runtime-rules', stops).trades
      expect(trade).toMatchObject({ reason: 'sl', exitPrice: 1.0998, profit: -8 })
    }
  })

  it('a gap through the stop fills at the open in both models', () => {
    const rows = [
      [1.1005, 1.101, 1.1002, 1.1008],
      [1.099, 1.0995, 1.098, 1.0992],
    ] as const
    for (const model of ['open-prices', 'runtime-rules'] as const) {
      const [trade] = run(rows, model, { InpStopDistance: 0.0005 }).trades
      expect(trade).toMatchObject({ reason: 'sl', exitBar: 2, exitPrice: 1.099 })
    }
  })

  it('closes what is still open at the last close, as the tester ends a test', () => {
    const report = run([[1.1005, 1.102, 1.0995, 1.1015]], 'open-prices')
    expect(report.trades).toMatchObject([{ reason: 'end-of-test', exitPrice: 1.1015, profit: 9 }])
    expect(report.balance).toBe(10_009)
  })

  it('answers refused orders with the trade server’s retcodes', () => {
    const rows = [[1.1005, 1.102, 1.0995, 1.1015]] as const
    expect(run(rows, 'open-prices', { InpLots: 0.015 }).log.at(-1)?.text).toBe(
      'refused 10014 invalid volume',
    )
    // A stop above the Bid is on the wrong side of a long.
    expect(run(rows, 'open-prices', { InpStopDistance: 0.00005 }).log.at(-1)?.text).toBe(
      'refused 10016 invalid stops',
    )
  })

  it('keeps one position per symbol on netting and several on hedging', () => {
    const rows = [
      [1.1005, 1.102, 1.0995, 1.1015],
      [1.1015, 1.103, 1.101, 1.102],
    ] as const
    expect(() => run(rows, 'open-prices', { InpBuys: 2 })).toThrow(
      /netting account .* not modelled/,
    )
    const hedged = run(rows, 'open-prices', { InpBuys: 2 }, 'hedging')
    expect(hedged.trades.map((t) => [t.entryBar, t.reason])).toEqual([
      [1, 'end-of-test'],
      [2, 'end-of-test'],
    ])
  })
})
