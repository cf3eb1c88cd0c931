import { KILL_SWITCH_STATES } from '@tradeloom/drizzle'
import type { KillSwitchRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const killSwitchSchema = z.object({
  id: z.uuid(),
  state: z.enum(KILL_SWITCH_STATES),
  reason: z.string(),
  closePositions: z.boolean(),
  revokeTokens: z.boolean(),
  triggeredAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
})

export const killSwitchStateSchema = z.object({
  /** OFF: never pulled; RESOLVED: pulled before, released now. */
  state: z.enum(['TRIGGERED', 'RESOLVED', 'OFF']),
  current: killSwitchSchema.nullable(),
  /** Newest first, the current one included. */
  history: z.array(killSwitchSchema),
})

export const killSwitchActionSchema = killSwitchStateSchema.extend({
  /** The deployments told, and the command each got (null when its halt state did not change). */
  affected: z.array(
    z.object({
      deploymentId: z.uuid(),
      commandId: z.number().int().nullable(),
      command: z.string().nullable(),
    }),
  ),
})

export type KillSwitchDto = z.infer<typeof killSwitchSchema>
export type KillSwitchStateDto = z.infer<typeof killSwitchStateSchema>
export type KillSwitchActionDto = z.infer<typeof killSwitchActionSchema>

export function toKillSwitchDto(row: KillSwitchRow): KillSwitchDto {
  return {
    id: row.id,
    state: row.state,
    reason: row.reason,
    closePositions: row.closePositions,
    revokeTokens: row.revokeTokens,
    triggeredAt: row.triggeredAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolutionNote: row.resolutionNote,
  }
}
