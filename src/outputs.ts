/** The step outputs (docs/contract.md §3) of an outcome. */
import type { Decision } from './decide.js'
import type { Outcome } from './outcome.js'

export type OutputName =
  'service-mesh-id' | 'request-id' | 'created' | 'changed' | 'diff' | 'mesh-state' | 'decision' | 'deleted'

/** The `decision` output's words (docs/contract.md §3); empty for a plan that could not read the cloud. */
const DECISION_OUTPUT: Record<Decision['action'], string> = {
  create: 'create',
  adopt: 'adopt',
  keep: 'keep',
  warn: 'keep',
  fail: 'refuse',
  unknown: '',
  delete: 'delete',
  none: 'none'
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
    ...(outcome.decision && { decision: DECISION_OUTPUT[outcome.decision.action] }),
    ...(outcome.mode === 'destroy' && outcome.decision && { deleted: String(outcome.deletion !== undefined) })
  }
}
