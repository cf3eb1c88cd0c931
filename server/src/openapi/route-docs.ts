import { z } from 'zod'
import { list, ok } from './route-doc-types'
import type { RouteDoc } from './route-doc-types'
import { authStateSchema, signedInSchema } from '../auth/dto'
import { loginBody, registerBody } from '../auth/routes'
import { backtestRequestSchema } from '../backtests/backtest-config'
import { backtestRunSchema, backtestRunSummarySchema } from '../backtests/dto'
import { buildTaskSchema } from '../builds/dto'
import { barsPageSchema, datasetDtoSchema, datasetSummarySchema } from '../datasets/dto'
import { barsQuery, uploadQuery } from '../datasets/routes'
import { eventPageSchema } from '../events/dto'
import { eventsQuery } from '../events/routes'
import { shareLinkSchema, sharedVersionSchema } from '../shares/routes'
import { strategyDtoSchema } from '../strategies/dto'
import { createStrategyBody, listStrategiesQuery, updateStrategyBody } from '../strategies/routes'
import { diffQuery } from '../versions/artifact-routes'
import { versionDtoSchema, versionSummarySchema } from '../versions/dto'
import { rollbackBody, saveVersionBody } from '../versions/routes'
import { DEPLOYMENT_ROUTE_DOCS } from './route-docs-deployments'
import { RISK_ROUTE_DOCS } from './route-docs-risk'

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  databaseOk: z.boolean(),
  jobs: z.object({ state: z.string(), queues: z.array(z.string()), workers: z.number() }),
})

const graphDiffSchema = z.object({
  nodesAdded: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string().optional() })),
  nodesRemoved: z.array(
    z.object({ id: z.string(), kind: z.string(), label: z.string().optional() }),
  ),
  nodesMoved: z.array(z.object({ nodeId: z.string(), from: z.unknown(), to: z.unknown() })),
  paramsChanged: z.array(
    z.object({ nodeId: z.string(), param: z.string(), from: z.unknown(), to: z.unknown() }),
  ),
  labelsChanged: z.array(z.object({ nodeId: z.string(), from: z.unknown(), to: z.unknown() })),
  edgesAdded: z.array(z.record(z.string(), z.string())),
  edgesRemoved: z.array(z.record(z.string(), z.string())),
  metaChanged: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
})

const versionDiffSchema = z.object({
  from: versionSummarySchema,
  to: versionSummarySchema,
  graph: graphDiffSchema.nullable(),
  ts: z.string().describe('unified diff, empty when equal'),
  mql5: z.string().describe('unified diff, empty when equal'),
})

/** The routes of issues 2–6, documented from the same zod schemas that validate them. */
const CORE_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'meta',
    summary: 'Database and job engine status',
    auth: false,
    responses: { 200: ok('Healthy', healthSchema), 503: ok('Degraded', healthSchema) },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    auth: false,
    responses: { 200: ok('OpenAPI 3.1') },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'meta',
    summary: 'Readable API documentation',
    auth: false,
    responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
  },

  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'auth',
    summary: 'Who is signed in (local mode signs the local user in)',
    auth: false,
    responses: { 200: ok('Auth state', authStateSchema) },
  },
  {
    method: 'post',
    path: '/api/auth/register',
    tag: 'auth',
    summary: 'Create an account and sign in',
    auth: false,
    body: registerBody,
    responses: { 201: ok('Signed in', signedInSchema), 409: ok('Email taken') },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in (rate-limited)',
    auth: false,
    body: loginBody,
    responses: {
      200: ok('Signed in', signedInSchema),
      401: ok('Wrong email or password'),
      429: ok('Too many attempts'),
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out',
    auth: false,
    responses: { 204: ok('Signed out') },
  },

  {
    method: 'get',
    path: '/api/strategies',
    tag: 'strategies',
    summary: 'List strategies',
    query: listStrategiesQuery,
    responses: { 200: list('Newest change first', strategyDtoSchema) },
  },
  {
    method: 'post',
    path: '/api/strategies',
    tag: 'strategies',
    summary: 'Create a strategy',
    body: createStrategyBody,
    responses: { 201: ok('Created', strategyDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/strategies/:id',
    tag: 'strategies',
    summary: 'Read a strategy',
    responses: { 200: ok('The strategy', strategyDtoSchema) },
  },
  {
    method: 'patch',
    path: '/api/strategies/:id',
    tag: 'strategies',
    summary: 'Rename, retag or change a strategy',
    body: updateStrategyBody,
    responses: { 200: ok('Changed', strategyDtoSchema) },
  },
  {
    method: 'delete',
    path: '/api/strategies/:id',
    tag: 'strategies',
    summary: 'Delete a strategy and everything of it',
    responses: { 204: ok('Deleted') },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/events',
    tag: 'strategies',
    summary: 'Timeline, newest first',
    query: eventsQuery,
    responses: { 200: ok('A page of events', eventPageSchema) },
  },

  {
    method: 'post',
    path: '/api/strategies/:id/versions',
    tag: 'versions',
    summary: 'Save a graph or code as a new version',
    body: saveVersionBody,
    responses: {
      201: ok('Stored', versionDtoSchema),
      200: ok('Identical to the latest version; nothing stored', versionDtoSchema),
      422: ok('The graph does not compile'),
    },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/versions',
    tag: 'versions',
    summary: 'List versions',
    responses: { 200: list('Newest first', versionSummarySchema) },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/versions/:versionId',
    tag: 'versions',
    summary: 'Read a version',
    responses: { 200: ok('The version', versionDtoSchema) },
  },
  {
    method: 'post',
    path: '/api/strategies/:id/versions/:versionId/rollback',
    tag: 'versions',
    summary: 'Store a new version equal to this one',
    body: rollbackBody,
    responses: {
      201: ok('Rolled back', versionDtoSchema),
      200: ok('The latest version already has this content', versionDtoSchema),
    },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/diff',
    tag: 'versions',
    summary: 'Compare two versions',
    query: diffQuery,
    responses: { 200: ok('Graph and text diffs', versionDiffSchema) },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/versions/:versionId/download.mq5',
    tag: 'versions',
    summary: 'Download the MQL5 expert advisor',
    responses: {
      200: { description: 'UTF-8 with BOM', contentType: 'text/plain' },
      422: ok('Code versions have no MQL5'),
    },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/versions/:versionId/download.ts',
    tag: 'versions',
    summary: 'Download the TypeScript strategy',
    responses: { 200: { description: 'TypeScript module', contentType: 'text/typescript' } },
  },

  {
    method: 'post',
    path: '/api/strategies/:id/versions/:versionId/share',
    tag: 'versions',
    summary: 'Create (or get) the read-only share link of a version',
    responses: {
      201: ok('Created', shareLinkSchema),
      200: ok('The existing link', shareLinkSchema),
    },
  },
  {
    method: 'delete',
    path: '/api/strategies/:id/versions/:versionId/share',
    tag: 'versions',
    summary: 'Revoke the share link of a version',
    responses: { 204: ok('Revoked') },
  },
  {
    method: 'get',
    path: '/api/share/:token',
    tag: 'versions',
    summary: 'Read a shared version without signing in',
    auth: false,
    responses: { 200: ok('The shared version', sharedVersionSchema) },
  },
  {
    method: 'post',
    path: '/api/strategies/:id/versions/:versionId/builds',
    tag: 'builds',
    summary: 'Compile and check a version on a worker',
    responses: { 202: ok('Queued', buildTaskSchema) },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/builds',
    tag: 'builds',
    summary: 'Build tasks of a strategy',
    responses: { 200: list('Newest first', buildTaskSchema) },
  },
  {
    method: 'get',
    path: '/api/builds/:id',
    tag: 'builds',
    summary: 'Read a build task',
    responses: { 200: ok('The task', buildTaskSchema) },
  },

  {
    method: 'post',
    path: '/api/datasets',
    tag: 'datasets',
    summary: 'Upload a CSV of bars (raw body, streamed)',
    query: uploadQuery,
    body: { contentType: 'text/csv', description: 'The bar file itself' },
    responses: {
      201: ok('Stored', datasetDtoSchema),
      400: ok('The file could not be imported; details.report names the lines'),
      413: ok('Larger than the upload limit'),
    },
  },
  {
    method: 'get',
    path: '/api/datasets',
    tag: 'datasets',
    summary: 'List data sets',
    responses: { 200: list('Newest first', datasetSummarySchema) },
  },
  {
    method: 'get',
    path: '/api/datasets/:id',
    tag: 'datasets',
    summary: 'Read a data set with its quality report',
    responses: { 200: ok('The data set', datasetDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/datasets/:id/bars',
    tag: 'datasets',
    summary: 'A range of bars, columnar',
    query: barsQuery,
    responses: { 200: ok('Bars', barsPageSchema) },
  },
  {
    method: 'delete',
    path: '/api/datasets/:id',
    tag: 'datasets',
    summary: 'Delete a data set',
    responses: { 204: ok('Deleted') },
  },

  {
    method: 'post',
    path: '/api/strategies/:id/versions/:versionId/backtests',
    tag: 'backtests',
    summary: 'Queue a backtest of a version',
    body: backtestRequestSchema,
    responses: { 202: ok('Queued', backtestRunSchema) },
  },
  {
    method: 'get',
    path: '/api/strategies/:id/backtests',
    tag: 'backtests',
    summary: 'Backtests of a strategy',
    responses: { 200: list('Newest first, without results', backtestRunSummarySchema) },
  },
  {
    method: 'get',
    path: '/api/backtests/:id',
    tag: 'backtests',
    summary: 'Read a run and its results',
    responses: { 200: ok('The run', backtestRunSchema) },
  },
  {
    method: 'post',
    path: '/api/backtests/:id/cancel',
    tag: 'backtests',
    summary: 'Cancel a queued or running run',
    responses: { 200: ok('Cancelled', backtestRunSchema), 409: ok('Already finished') },
  },
  {
    method: 'get',
    path: '/api/backtests/:id/events',
    tag: 'backtests',
    summary: 'Progress and log as server-sent events (progress, log, done)',
    responses: { 200: { description: 'text/event-stream', contentType: 'text/event-stream' } },
  },
]

/** Every API route: the core ones, then each later area's own table (one file per area). */
export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...CORE_ROUTE_DOCS,
  ...RISK_ROUTE_DOCS,
  ...DEPLOYMENT_ROUTE_DOCS,
]

export type { ResponseDoc, RouteDoc } from './route-doc-types'
