// One file per aggregate; drizzle-kit reads this module to generate migrations.
export { users } from './users'
export type { UserRow, NewUserRow } from './users'
export { strategies } from './strategies'
export type { StrategyRow, NewStrategyRow } from './strategies'
export { strategyVersions } from './strategy-versions'
export type { StrategyVersionRow, NewStrategyVersionRow } from './strategy-versions'
export { backtestRuns, BACKTEST_STATUSES } from './backtest-runs'
export type { BacktestRunRow, NewBacktestRunRow, BacktestStatus } from './backtest-runs'
