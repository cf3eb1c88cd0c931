// @tradeloom/runtime: pure bar data, indicators, backtest engine, broker simulation, statistics.

// Bars: columnar typed arrays
export type { Bars, BarColumn, BarColumns } from './bars'
export { BAR_COLUMNS, barsFromColumns, createBars } from './bars'

// Strategy contract: what generated and hand-written strategy modules implement
export type {
  BarContext,
  OrderIntent,
  ParamValue,
  Strategy,
  StrategyModule,
  StrategyParams,
} from './engine/strategy'
export type { BreakEven, Distance, PriceLevel, Sizing, TrailingStop } from './engine/order-specs'

// Backtest engine
export { runBacktest } from './engine/run-backtest'
export { DEFAULT_BACKTEST_CONFIG } from './engine/config'
export type { AccountMode, BacktestConfig, OppositeSignal } from './engine/config'
export type {
  BacktestResult,
  ExitReason,
  OpenPosition,
  OrderAction,
  RefusedOrder,
  StopReason,
  Trade,
} from './engine/result'

// Live sessions: a strategy on the backtest broker one closed bar at a time (paper terminals)
export { createLiveSession } from './live/live-session'
export { liveBarAt } from './live/live-bar-at'
export type {
  LiveBar,
  LiveDeal,
  LiveDealEntry,
  LiveDealReason,
  LivePosition,
  LiveSession,
  LiveSessionOptions,
  LiveSnapshot,
  LiveStep,
} from './live/types'

// Broker rules (exported for reports, tests and the CLI)
export type { Commission } from './broker/commission'
export { dealCommission, dealValue } from './broker/commission'
export { riskPerLot, roundVolumeDown, sizeEntry } from './broker/sizing'
export {
  barExit,
  longStopLossFill,
  longTakeProfitFill,
  marketBuyPrice,
  marketSellPrice,
  shortStopLossFill,
  shortTakeProfitFill,
} from './broker/fill-rules'
export type { BarExit } from './broker/fill-rules'
export { checkStopLevels, distanceInPrice, resolveLevel } from './broker/levels'

// Symbols: contract specs
export type { SymbolSpec, SymbolSpecInput } from './symbols/symbol-spec'
export { defineSymbol, normalizePrice, priceMoveValue } from './symbols/symbol-spec'
export { getSymbol, SYMBOLS } from './symbols/catalogue'
export type { CatalogueAccount, CatalogueError, SymbolCatalogue } from './symbols/import-catalogue'
export {
  parseSymbolCatalogue,
  SYMBOL_CATALOGUE_FORMAT,
  SYMBOL_CATALOGUE_VERSION,
  SymbolCatalogueFormatError,
} from './symbols/import-catalogue'

// Statistics
export type { MonthlyReturn, Stats } from './stats/stats'
export type { StatsInput } from './stats/compute-stats'
export { computeStats } from './stats/compute-stats'
export type { DrawdownStats } from './stats/drawdown'
export { drawdownSeries, drawdownStats } from './stats/drawdown'
export {
  dailyReturns,
  monthlyReturns,
  sharpeRatio,
  sortinoRatio,
  TRADING_DAYS_PER_YEAR,
} from './stats/returns'
export type { TradeStats } from './stats/trade-stats'
export { tradeStats } from './stats/trade-stats'

// Synthetic data
export type {
  SyntheticBarsOptions,
  SyntheticMarket,
  SyntheticRegime,
  SyntheticRegimeKind,
} from './synthetic/generate-synthetic-bars'
export { generateSyntheticBars, generateSyntheticMarket } from './synthetic/generate-synthetic-bars'
export type { Prng } from './synthetic/prng'
export { createPrng } from './synthetic/prng'

// Analysis: market regimes and a risk score
export type { Regime, RegimeOptions } from './analysis/regimes'
export { classifyRegimes, REGIMES } from './analysis/regimes'
export type { RegimePerformance } from './analysis/regime-performance'
export { regimePerformance } from './analysis/regime-performance'
export type { RiskInputs, RiskScore } from './analysis/risk-score'
export { RISK_WEIGHTS, riskInputsFromResult, riskScore } from './analysis/risk-score'
export type {
  Correlation,
  CorrelationOptions,
  DailyCloses,
  DailyReturns,
} from './analysis/correlation'
export {
  correlationOfDailyReturns,
  dailyCloses,
  dailyLogReturns,
  MIN_CORRELATION_DAYS,
} from './analysis/correlation'

// Strategy modules: type-strip and evaluate compiled TypeScript
export { loadStrategyModule } from './strategy-module/load-strategy-module'

// Per-bar history helpers used by generated strategies (mirrored in Include/Tradeloom/Series.mqh)
export type { Lag } from './series/lag'
export { createLag } from './series/lag'
export type { RunLength } from './series/run-length'
export { createRunLength } from './series/run-length'

// --- indicators & data (indicators helper) ---
// Indicators: streaming `createX(...)` + bit-identical batch `x(...)` + `xWarmup(...)` (MT5 semantics).
export type { AppliedPrice } from './indicators/applied-price'
export { APPLIED_PRICES, appliedPrice, appliedPriceSeries } from './indicators/applied-price'
export type { Smoothing } from './indicators/burn-in'
export { burnInBars } from './indicators/burn-in'
export type { Sma } from './indicators/sma'
export { createSma, sma, smaWarmup } from './indicators/sma'
export type { Ema } from './indicators/ema'
export { createEma, ema, emaWarmup } from './indicators/ema'
export type { Smma } from './indicators/smma'
export { createSmma, smma, smmaWarmup } from './indicators/smma'
export type { Lwma } from './indicators/lwma'
export { createLwma, lwma, lwmaWarmup } from './indicators/lwma'
export type { MaMethod, MovingAverage } from './indicators/moving-average'
export {
  MA_METHODS,
  createMovingAverage,
  movingAverage,
  movingAverageWarmup,
} from './indicators/moving-average'
export type { Rsi } from './indicators/rsi'
export { createRsi, rsi, rsiWarmup } from './indicators/rsi'
export type { Macd, MacdSeries } from './indicators/macd'
export { createMacd, macd, macdWarmup } from './indicators/macd'
export type { BollingerBands, BollingerBandsSeries } from './indicators/bollinger-bands'
export {
  bollingerBands,
  bollingerBandsWarmup,
  createBollingerBands,
} from './indicators/bollinger-bands'
export type { StdDev } from './indicators/std-dev'
export { createStdDev, stdDev, stdDevWarmup } from './indicators/std-dev'
export type { Stochastic, StochasticPriceField, StochasticSeries } from './indicators/stochastic'
export { createStochastic, stochastic, stochasticWarmup } from './indicators/stochastic'
export type { Atr } from './indicators/atr'
export { atr, atrWarmup, createAtr } from './indicators/atr'
export type { Cci } from './indicators/cci'
export { cci, cciWarmup, createCci } from './indicators/cci'
export type { Adx, AdxSeries } from './indicators/adx'
export { adx, adxWarmup, createAdx } from './indicators/adx'
export type { AdxWilder, AdxWilderSeries } from './indicators/adx-wilder'
export { adxWilder, adxWilderWarmup, createAdxWilder } from './indicators/adx-wilder'
export type { Momentum } from './indicators/momentum'
export { createMomentum, momentum, momentumWarmup } from './indicators/momentum'
export type { WilliamsR } from './indicators/williams-r'
export { createWilliamsR, williamsR, williamsRWarmup } from './indicators/williams-r'
export type { ParabolicSar } from './indicators/parabolic-sar'
export { createParabolicSar, parabolicSar, parabolicSarWarmup } from './indicators/parabolic-sar'
export type { Envelopes, EnvelopesSeries } from './indicators/envelopes'
export { createEnvelopes, envelopes, envelopesWarmup } from './indicators/envelopes'
export type { Ichimoku, IchimokuLine, IchimokuSeries } from './indicators/ichimoku'
export { createIchimoku, ichimoku, ichimokuWarmup } from './indicators/ichimoku'
export type { Donchian, DonchianSeries, Highest, Lowest } from './indicators/donchian'
export {
  createDonchian,
  createHighest,
  createLowest,
  donchian,
  donchianWarmup,
  highest,
  lowest,
} from './indicators/donchian'
// Data import (pure: file text in, bars + data-quality report out) and bar validation.
export type { ImportOptions, ImportResult } from './data/import-bars'
export { importBars } from './data/import-bars'
export type { BarFileFormat } from './data/detect-format'
export type { DataReport, Issue, IssueCode } from './data/import-report'
export type { ValidateOptions } from './data/validate-bars'
export { validateBars } from './data/validate-bars'
export type { Timeframe } from './data/timeframe'
export { detectTimeframe, TIMEFRAMES, timeframeSeconds } from './data/timeframe'
export type { FormatReportOptions } from './data/format-data-report'
export { formatDataReport } from './data/format-data-report'
