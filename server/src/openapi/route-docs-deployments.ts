import type { RouteDoc } from './route-doc-types'

/** The routes of deployments, the EA protocol, execution quality and the timeline. */
export const DEPLOYMENT_ROUTE_DOCS: readonly RouteDoc[] = []
