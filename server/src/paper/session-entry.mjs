// Entry of a paper terminal's session thread (node:worker_threads). The thread has no TypeScript
// loader of its own, so register tsx first, then load the TypeScript that runs the strategy.
import { register } from 'tsx/esm/api'

register()
await import('./session-thread.ts')
