import type { RouteDoc } from './route-doc-types'

/** The routes of trading accounts, symbol catalogues, guardrails and the kill switch. */
export const RISK_ROUTE_DOCS: readonly RouteDoc[] = []
