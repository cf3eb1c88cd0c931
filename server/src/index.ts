// @tradeloom/server: the HTTP API and job workers. Entry points: src/main.ts, src/worker.ts.

// The app
export { createApp } from './app'
export type { AppType, AppDeps } from './app'
export type { AppSettings } from './app-env'
export { readServerConfig } from './config'
export type { ServerConfig, ServerMode } from './config'
export { startServices } from './start-services'
export type { Services, ServicesOptions } from './start-services'

// API shapes, for clients that want names for what AppType infers (also in ./client)
export type { ErrorBody, Issue } from './errors'
export type { AuthStateDto, SignedInDto, UserDto } from './auth/dto'
export type { StrategyDto, LatestVersion } from './strategies/dto'
export type { VersionDto, VersionSummary } from './versions/dto'
export type { VersionDiffDto } from './versions/artifact-routes'
export type { GraphDiff } from './versions/graph-diff'
export type { BuildTaskDto } from './builds/dto'
export type { DatasetDto, DatasetSummary, BarsPageDto } from './datasets/dto'
export type { BacktestRunDto, BacktestRunSummary } from './backtests/dto'
export type { BacktestRequest } from './backtests/backtest-config'
export type { RobotEventDto, EventPageDto } from './events/dto'
export type { ShareLinkDto, SharedVersionDto } from './shares/routes'

// Users
export { currentUser } from './users/current-user'
export type { CurrentUser, UserResolver } from './users/current-user'
export { ensureLocalUser, LOCAL_USER_EMAIL } from './users/ensure-local-user'

// OpenAPI
export { buildOpenApiDocument } from './openapi/build-document'
