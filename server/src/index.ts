// @tradeloom/server: the HTTP API and job workers. Entry points: src/main.ts, src/worker.ts.

// The app
export { createApp } from './app'
export type { AppType, AppDeps } from './app'
export { readServerConfig } from './config'
export type { ServerConfig } from './config'
export { startServices } from './start-services'
export type { Services, ServicesOptions } from './start-services'

// API shapes, for clients that want names for what AppType infers
export type { ErrorBody, Issue } from './errors'
export type { StrategyDto, LatestVersion } from './strategies/dto'
export type { VersionDto, VersionSummary } from './versions/dto'
export type { BacktestRunDto } from './backtests/dto'
export type { BacktestRunConfig } from './backtests/backtest-config'

// Users
export { localUserResolver, currentUser } from './users/current-user'
export type { CurrentUser, UserResolver } from './users/current-user'
export { ensureLocalUser, LOCAL_USER_EMAIL } from './users/ensure-local-user'
