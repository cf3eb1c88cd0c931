import { z } from 'zod'
import { createDeploymentBody } from '../deployments/create-deployment'
import {
  createdDeploymentSchema,
  deploymentDtoSchema,
  tradeLogPageSchema,
} from '../deployments/dto'
import { listDeploymentsQuery, stopBody, tradesQuery } from '../deployments/routes'
import {
  ackMessage,
  ackReply,
  heartbeatMessage,
  heartbeatReply,
  helloMessage,
  helloReply,
  readyMessage,
  readyReply,
  tradeReport,
  tradesReply,
} from '../ea-protocol/schemas'
import { eventPageSchema } from '../events/dto'
import { timelineQuery } from '../events/timeline-routes'
import { executionQualitySchema } from '../execution-quality/aggregate'
import { executionQualityQuery } from '../execution-quality/routes'
import { list, ok } from './route-doc-types'
import type { ResponseDoc, RouteDoc } from './route-doc-types'

const dto = (description: string) => ok(description, deploymentDtoSchema)
const notRunning = ok('The deployment is not in a state that allows this (code names it)')

/** The answers every EA protocol message may get (docs/ea-protocol.md §3). */
const PROTOCOL_REFUSALS: Readonly<Record<number, ResponseDoc>> = {
  400: ok('The body is not valid for this message (details.issues names each path)'),
  401: ok(
    'Unknown deployment, or a missing, wrong or other deployment’s token (one answer for all)',
  ),
  403: ok(
    'deployment_stopped, token_revoked; hello also account_mismatch, symbol_mismatch, code_mismatch',
  ),
  413: ok('Body over 256 KiB'),
  429: ok('Rate limited (30 at once, 2 a second per deployment); Retry-After says when'),
}

function protocolDoc(
  message: string,
  summary: string,
  body: z.ZodType,
  reply: z.ZodType,
  extra: Readonly<Record<number, ResponseDoc>> = {},
): RouteDoc {
  return {
    method: 'post',
    path: `/api/ea/v1/deployments/:id/${message}`,
    tag: 'ea-protocol',
    summary: `${summary} (Authorization: Bearer <deployment token>)`,
    auth: false,
    body,
    responses: { 200: ok('Accepted', reply), ...PROTOCOL_REFUSALS, ...extra },
  }
}

/** The routes of deployments, the EA protocol, execution quality and the timeline. */
export const DEPLOYMENT_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/api/deployments',
    tag: 'deployments',
    summary:
      'Deploy a version to an account: preflight, then the code hand-off. Live accounts get the EA source once (it holds the token; save it as UTF-8 with a BOM for MetaEditor); paper accounts get their paper terminal queued',
    body: createDeploymentBody,
    responses: {
      201: ok(
        'Created: AWAITING_EA, or FAILED with statusReason = the first failed check',
        createdDeploymentSchema,
      ),
      404: ok('No such version, account or data set of yours'),
    },
  },
  {
    method: 'get',
    path: '/api/deployments',
    tag: 'deployments',
    summary: 'List deployments',
    query: listDeploymentsQuery,
    responses: { 200: list('Newest first', deploymentDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/deployments/:id',
    tag: 'deployments',
    summary: 'Read a deployment: phases, receipt, heartbeat, halt reasons, commands',
    responses: { 200: dto('The deployment') },
  },
  {
    method: 'post',
    path: '/api/deployments/:id/ea',
    tag: 'deployments',
    summary:
      'Download the EA again while AWAITING_EA (live accounts): the token rotates, earlier copies stop working',
    responses: {
      200: { description: 'The .mq5 file (UTF-8 with BOM)', contentType: 'text/plain' },
      409: notRunning,
    },
  },
  {
    method: 'post',
    path: '/api/deployments/:id/stop',
    tag: 'deployments',
    summary:
      'Stop: before the EA confirmed, STOPPED at once; running, STOPPING until the EA acknowledges halt/close_all (or two heartbeats pass)',
    body: stopBody,
    responses: { 200: dto('Stopping or stopped'), 409: notRunning },
  },
  {
    method: 'post',
    path: '/api/deployments/:id/halt',
    tag: 'deployments',
    summary: 'Halt new entries (halt reason "user"); exits and stops keep working',
    responses: {
      200: dto('Halted (a halt command is pending unless already halted)'),
      409: notRunning,
    },
  },
  {
    method: 'post',
    path: '/api/deployments/:id/resume',
    tag: 'deployments',
    summary: 'Lift the "user" halt; other halt reasons (kill switch, guardrails) still hold',
    responses: { 200: dto('Resumed, or still halted by another reason'), 409: notRunning },
  },
  {
    method: 'get',
    path: '/api/deployments/:id/trades',
    tag: 'deployments',
    summary: "The EA's trade reports (deals and refused requests), newest first",
    query: tradesQuery,
    responses: { 200: ok('A page of trade logs', tradeLogPageSchema) },
  },
  {
    method: 'get',
    path: '/api/execution-quality',
    tag: 'deployments',
    summary: 'Latency, slippage, spread and failure rate by deployment and by symbol',
    query: executionQualityQuery,
    responses: { 200: ok('Aggregates', executionQualitySchema) },
  },
  {
    method: 'get',
    path: '/api/events',
    tag: 'deployments',
    summary: "The user's whole timeline, newest first (optionally one deployment's or account's)",
    query: timelineQuery,
    responses: { 200: ok('A page of events', eventPageSchema) },
  },

  protocolDoc(
    'hello',
    'EA hello: account, symbol and code hash are checked',
    helloMessage,
    helloReply,
  ),
  protocolDoc('ready', 'EA ready: its timer runs and reaches the server', readyMessage, readyReply),
  protocolDoc(
    'heartbeat',
    'EA heartbeat; the reply carries the newest unacknowledged command',
    heartbeatMessage,
    heartbeatReply,
  ),
  protocolDoc('ack', 'EA command acknowledgement (the first one wins)', ackMessage, ackReply, {
    400: ok('unknown_command: this id was never issued; or an invalid body'),
    409: ok('ack_replayed: this command id was acknowledged already'),
  }),
  protocolDoc(
    'trades',
    'EA trade reports (at most 50), stored once by deal ticket or refusal key',
    z.object({ reports: z.array(tradeReport).max(50) }),
    tradesReply,
  ),
]
