import { accountDayHistorySchema, guardrailStatusSchema } from '../guardrails/dto'
import { correlationReportSchema } from '../guardrails/correlation-report'
import { correlationQuery, daysQuery, putGuardrailsBody } from '../guardrails/routes'
import { killSwitchActionSchema, killSwitchStateSchema } from '../kill-switch/dto'
import { resolveKillSwitchBody, triggerKillSwitchBody } from '../kill-switch/routes'
import { accountHelloBody, accountHelloReply } from '../trading-accounts/connector-routes'
import { tradingAccountDtoSchema } from '../trading-accounts/dto'
import { createTradingAccountBody, updateTradingAccountBody } from '../trading-accounts/routes'
import { symbolBody } from '../trading-accounts/symbol-catalogue'
import { importQuery, importResultSchema } from '../trading-accounts/symbol-import'
import { list, ok } from './route-doc-types'
import type { RouteDoc } from './route-doc-types'

const account = ok('The account', tradingAccountDtoSchema)
const status = ok('Limits, today and warnings', guardrailStatusSchema)

/** The routes of trading accounts, symbol catalogues, guardrails and the kill switch. */
export const RISK_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/trading-accounts',
    tag: 'trading accounts',
    summary: 'List trading accounts (live and paper)',
    responses: { 200: list('Oldest first', tradingAccountDtoSchema) },
  },
  {
    method: 'post',
    path: '/api/trading-accounts',
    tag: 'trading accounts',
    summary:
      'Add a trading account; paper accounts default broker, server and login; symbols start from the built-in catalogue',
    body: createTradingAccountBody,
    responses: { 201: ok('Created', tradingAccountDtoSchema) },
  },
  {
    method: 'get',
    path: '/api/trading-accounts/:id',
    tag: 'trading accounts',
    summary: 'Read a trading account',
    responses: { 200: account },
  },
  {
    method: 'patch',
    path: '/api/trading-accounts/:id',
    tag: 'trading accounts',
    summary: 'Change a trading account (not its kind)',
    body: updateTradingAccountBody,
    responses: { 200: account },
  },
  {
    method: 'delete',
    path: '/api/trading-accounts/:id',
    tag: 'trading accounts',
    summary: 'Delete a trading account',
    responses: {
      204: ok('Deleted'),
      409: ok('A deployment on it still runs (account_in_use); stop it first'),
    },
  },
  {
    method: 'put',
    path: '/api/trading-accounts/:id/symbols/:name',
    tag: 'trading accounts',
    summary: "Add or replace one symbol of the account's catalogue (runtime defineSymbol rules)",
    body: symbolBody,
    responses: { 200: account, 400: ok('details.issues names the bad field') },
  },
  {
    method: 'delete',
    path: '/api/trading-accounts/:id/symbols/:name',
    tag: 'trading accounts',
    summary: "Remove one symbol from the account's catalogue",
    responses: { 200: account },
  },
  {
    method: 'post',
    path: '/api/trading-accounts/:id/symbols/import',
    tag: 'trading accounts',
    summary: 'Import the JSON written by TradeloomSymbolExport.mq5 (merge or replace)',
    query: importQuery,
    body: {
      contentType: 'application/json',
      description: 'The exporter file as written: { format: "tradeloom-symbols", version: 1, … }',
    },
    responses: {
      200: ok('Imported; refused symbols listed by index, name and field', importResultSchema),
      400: ok('Not an exporter file (import_failed); nothing saved'),
    },
  },
  {
    method: 'post',
    path: '/api/trading-accounts/:id/connector',
    tag: 'trading accounts',
    summary: 'Download TradeloomConnect.mq5 with a fresh account token (replaces the previous one)',
    responses: {
      200: { description: 'The MQL5 script (attachment)', contentType: 'text/plain' },
    },
  },
  {
    method: 'post',
    path: '/api/ea/v1/accounts/:id/hello',
    tag: 'ea protocol',
    summary: "The connector script's hello (Authorization: Bearer <account token>)",
    auth: false,
    body: accountHelloBody,
    responses: {
      200: ok('The terminal is recorded as live for the account', accountHelloReply),
      401: ok('Unknown account, missing or wrong token'),
      403: ok('account_mismatch: the terminal is logged in to another login'),
    },
  },

  {
    method: 'get',
    path: '/api/trading-accounts/:id/guardrails',
    tag: 'guardrails',
    summary: "The account's limits and today's daily loss, with warnings (80 % and breach)",
    responses: { 200: status },
  },
  {
    method: 'put',
    path: '/api/trading-accounts/:id/guardrails',
    tag: 'guardrails',
    summary: 'Set the limits; re-checks today and the entry guards at once',
    body: putGuardrailsBody,
    responses: { 200: status },
  },
  {
    method: 'post',
    path: '/api/trading-accounts/:id/guardrails/reset',
    tag: 'guardrails',
    summary: 'Reset the daily loss by hand: a new day, daily_loss halts lifted',
    responses: { 200: status },
  },
  {
    method: 'get',
    path: '/api/trading-accounts/:id/guardrails/days',
    tag: 'guardrails',
    summary: 'Trading days of the account, newest first',
    query: daysQuery,
    responses: { 200: list('Newest first', accountDayHistorySchema) },
  },
  {
    method: 'get',
    path: '/api/trading-accounts/:id/correlation',
    tag: 'guardrails',
    summary:
      'Correlation of daily returns between symbols (data sets per symbol) and the exposure it gives',
    query: correlationQuery,
    responses: { 200: ok('Matrix, data sets used and exposure', correlationReportSchema) },
  },

  {
    method: 'get',
    path: '/api/kill-switch',
    tag: 'kill switch',
    summary: 'The kill switch: TRIGGERED, RESOLVED or OFF, with its history',
    responses: { 200: ok('State and history', killSwitchStateSchema) },
  },
  {
    method: 'post',
    path: '/api/kill-switch/trigger',
    tag: 'kill switch',
    summary: 'Halt (or close) every running deployment; optionally revoke their EA tokens',
    body: triggerKillSwitchBody,
    responses: {
      201: ok('Triggered; affected deployments listed', killSwitchActionSchema),
      409: ok('Already triggered (kill_switch_triggered)'),
    },
  },
  {
    method: 'post',
    path: '/api/kill-switch/resolve',
    tag: 'kill switch',
    summary: 'Release the kill switch; deployments with working tokens resume',
    body: resolveKillSwitchBody,
    responses: {
      200: ok('Resolved; resumed deployments listed', killSwitchActionSchema),
      409: ok('Not triggered (kill_switch_not_triggered)'),
    },
  },
]
