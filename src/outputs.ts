/** The step outputs (docs/contract.md §3) of an outcome. */
import type { Outcome } from './outcome.js'

import type { Decision } from './decide.js'

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

/**
 * The `decision` output's word (docs/contract.md §3): warn keeps the mesh, fail refuses; a plan that
 * could not tell without the cloud says keep for a recorded mesh, else nothing.
 */
export function decisionWord(decision: Decision): string {
  switch (decision.action) {
    case 'warn':
      return 'keep'
    case 'fail':
      return 'refuse'
    case 'unknown':
      return decision.meshId ? 'keep' : ''
    default:
      return decision.action
  }
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
    ...((outcome.decision || outcome.updated) && { updated: String(outcome.updated) })
  }
}
