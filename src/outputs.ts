/** The step outputs (docs/contract.md §3) of an outcome. */
import type { Decision } from './decide.js'
import type { Outcome } from './outcome.js'

export type OutputName =
  | 'service-mesh-id'
  | 'request-id'
  | 'created'
  | 'changed'
  | 'diff'
  | 'mesh-state'
  | 'decision'
  | 'updated'
  | 'drift'
  | 'deleted'

/** The `decision` output's words (docs/contract.md §3): warn keeps the mesh, fail refuses. */
const DECISION_OUTPUT: Record<Exclude<Decision['action'], 'unknown'>, string> = {
  create: 'create',
  adopt: 'adopt',
  update: 'update',
  keep: 'keep',
  warn: 'keep',
  fail: 'refuse',
  delete: 'delete',
  none: 'none'
}

/**
 * The `decision` output's word; a plan that could not tell without the cloud says keep for a recorded mesh,
 * else nothing.
 */
export function decisionWord(decision: Decision): string {
  if (decision.action === 'unknown') return decision.meshId ? 'keep' : ''
  return DECISION_OUTPUT[decision.action]
}

/**
 * The outputs an outcome has, as far as the run got: the diff once the state was read, the mesh as soon as
 * its id is known, `created` once a decision was made. Never masked: the runner drops masked job outputs.
 */
export function outputsOf(outcome: Outcome): Partial<Record<OutputName, string>> {
  return {
    ...(outcome.changes && {
      changed: String(outcome.changes.length > 0),
      diff: JSON.stringify(outcome.changes)
    }),
    ...(outcome.mesh && { 'service-mesh-id': outcome.mesh.id }),
    ...(outcome.mesh?.state && { 'mesh-state': outcome.mesh.state }),
    ...(outcome.requestId && { 'request-id': outcome.requestId }),
    ...((outcome.decision || outcome.created) && { created: String(outcome.created) }),
    ...(outcome.decision && {
      decision: decisionWord(outcome.decision),
      drift: JSON.stringify(outcome.drift ?? [])
    }),
    ...((outcome.decision || outcome.updated) && { updated: String(outcome.updated) }),
    ...(outcome.mode === 'destroy' && outcome.decision && { deleted: String(outcome.deletion !== undefined) })
  }
}
