/**
 * Every decision of a run, as pure functions (docs/contract.md §5): which cloud reads a decision needs,
 * then (previous record, diff, what the cloud said, settings) → what to do. `plan` shows the decision
 * that `apply` acts on; both come from here.
 */
import type { MeshInfo } from './cloud/types.js'
import type { OnChange } from './settings.js'
import type { StateRecord } from './state/record.js'

export type Decision =
  /** Call CreateServiceMesh. */
  | { action: 'create'; reason: string }
  /** Record an existing mesh found by name and region instead of creating one. */
  | { action: 'adopt'; mesh: MeshInfo; reason: string }
  /** Nothing to do: the recorded mesh matches the spec. */
  | { action: 'keep'; meshId: string; reason: string }
  /** The spec changed and on-change is warn: keep the mesh, report the diff. */
  | { action: 'warn'; meshId: string; reason: string }
  /** Stop with exit 1 and this advice. */
  | { action: 'fail'; meshId?: string; reason: string; advice: string }
  /** Plan without credentials: the cloud was not read, so only the state decides. */
  | { action: 'unknown'; meshId?: string; reason: string }
  /** Destroy: delete the recorded mesh, detaching the spec's guestCluster first (src/destroy.ts). */
  | { action: 'delete'; meshId: string; reason: string; detach?: string }
  /** Destroy: nothing to delete (no record, a tombstone, or the recorded mesh already gone). */
  | { action: 'none'; meshId?: string; reason: string }

/** What is known before the cloud is asked anything. */
export interface Situation {
  record?: StateRecord
  changed: boolean
  adoptExisting: boolean
  onChange: OnChange
  /**
   * An earlier create may have reached the cloud without being recorded (its pending entry is still
   * there): a mesh with the spec's name is looked for and adopted, whatever adopt-existing says.
   */
  mayExistUnrecorded?: boolean
}

export interface DecisionInput extends Situation {
  /** Meshes with the spec's name in its region (read only when cloudReads asks for them). */
  candidates?: MeshInfo[]
  /** The recorded mesh as the cloud describes it: null when it is gone, undefined when not read. */
  existing?: MeshInfo | null
}

/** The cloud reads a decision in this situation needs (made only when there are credentials). */
export interface CloudReads {
  /** DescribeServiceMeshDetail of the recorded mesh. */
  describe?: string
  /** DescribeServiceMeshes for meshes with the spec's name and region. */
  findByName: boolean
}

export function cloudReads(situation: Situation): CloudReads {
  if (situation.record) return { describe: situation.record.meshId, findByName: false }
  return { findByName: mayAdopt(situation) }
}

const mayAdopt = (situation: Situation): boolean =>
  situation.adoptExisting || Boolean(situation.mayExistUnrecorded)

export function decide(input: DecisionInput): Decision {
  const { record } = input
  if (!record) return decideWithoutRecord(input)

  const meshId = record.meshId
  if (input.existing === null) {
    return input.onChange === 'create'
      ? { action: 'create', reason: `the recorded mesh ${meshId} no longer exists; on-change is create` }
      : {
          action: 'fail',
          meshId,
          reason: `the recorded mesh ${meshId} no longer exists`,
          advice:
            'It was deleted outside this workflow. Set on-change: create to create it anew, or reset the state record.'
        }
  }
  if (!input.changed) {
    if (input.existing === undefined)
      return { action: 'unknown', meshId, reason: 'the spec matches the record' }
    return { action: 'keep', meshId, reason: 'the spec matches the recorded run; nothing to create' }
  }
  switch (input.onChange) {
    case 'create':
      return {
        action: 'create',
        reason: `the spec changed since mesh ${meshId} was recorded; on-change is create`
      }
    case 'warn':
      return {
        action: 'warn',
        meshId,
        reason: `the spec changed since mesh ${meshId} was recorded; on-change is warn`
      }
    case 'fail':
      return {
        action: 'fail',
        meshId,
        reason: `the spec changed since mesh ${meshId} was recorded`,
        advice:
          'CreateServiceMesh cannot update a mesh. Bring the spec back in line with the record, ' +
          'or set on-change: warn to keep the mesh, or on-change: create to create a new one.'
      }
  }
}

function decideWithoutRecord(input: DecisionInput): Decision {
  if (!mayAdopt(input))
    return { action: 'create', reason: 'no previous run recorded; adopt-existing is false' }
  const candidates = input.candidates
  if (candidates === undefined)
    return {
      action: 'unknown',
      reason: 'no previous run recorded, and without credentials the cloud was not read for a mesh to adopt'
    }
  if (candidates.length === 0)
    return { action: 'create', reason: 'no previous run recorded and no mesh with this name in the region' }
  if (candidates.length === 1)
    return {
      action: 'adopt',
      mesh: candidates[0],
      reason: `no previous run recorded; mesh ${candidates[0].id} has the same name and region`
    }
  return {
    action: 'fail',
    reason: `no previous run recorded and ${candidates.length} meshes have this name in the region: ${candidates
      .map(c => c.id)
      .join(', ')}`,
    advice:
      'Adopting one would be a guess. Set adopt-existing: false to create another, or delete the extras.'
  }
}

/** The mesh a decision is about, when it names one: the adopted mesh, or the recorded one. */
export function meshOf(
  decision: Decision,
  existing?: MeshInfo | null
): { id: string; state?: string } | undefined {
  if (decision.action === 'adopt') return { id: decision.mesh.id, state: decision.mesh.state }
  if (decision.action === 'create' || !decision.meshId) return undefined
  return { id: decision.meshId, ...(existing?.state && { state: existing.state }) }
}
