/** The step outputs (docs/contract.md §3) of an outcome. */
import type { Outcome } from './outcome.js'

export type OutputName = 'service-mesh-id' | 'request-id' | 'created' | 'changed' | 'diff' | 'mesh-state'

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
    ...((outcome.decision || outcome.created) && { created: String(outcome.created) })
  }
}
