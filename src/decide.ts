/**
 * Every decision of a run, as pure functions (docs/contract.md §5): which cloud reads a decision needs,
 * then (previous record, diff, what the cloud said, settings) → what to do. `plan` shows the decision
 * that `apply` acts on; both come from here.
 */
import type { MeshInfo } from './cloud/types.js'
import type { Drift, LiveMesh } from './live.js'
import type { OnChange } from './settings.js'
import type { StateRecord } from './state/record.js'
import type { UpdatePlan } from './update-plan.js'

export type Decision =
  /** Call CreateServiceMesh. */
  | { action: 'create'; reason: string }
  /** Record an existing mesh found by name and region instead of creating one. */
  | { action: 'adopt'; mesh: MeshInfo; reason: string }
  /** Change the recorded mesh in place with the plan's calls, recording after each (docs/contract.md §7.1). */
  | { action: 'update'; meshId: string; reason: string; plan: UpdatePlan }
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
   * With the default state key and no record under it: a record of another key in the region whose mesh,
   * made from the same spec file under another name, still exists. The spec renames it (§7.1).
   */
  renamedFrom?: { stateKey: string; meshId: string; name: string }
  /** The spec's tags are managed (it sets `tags`): the live read includes them. */
  specHasTags?: boolean
}

export interface DecisionInput extends Situation {
  /** Meshes with the spec's name in its region (read only when cloudReads asks for them). */
  candidates?: MeshInfo[]
  /** The recorded mesh as the cloud describes it: null when it is gone, undefined when not read. */
  existing?: MeshInfo | null
  /** The recorded mesh as read once (detail, and tags when managed), when it was read and exists. */
  live?: LiveMesh
  /** Where the live mesh differs from its record. */
  drift?: readonly Drift[]
  /** With a record: the calls that would bring the mesh as it is to the spec. */
  update?: UpdatePlan
}

/** The cloud reads a decision in this situation needs (made only when there are credentials). */
export interface CloudReads {
  /** DescribeServiceMeshDetail of the recorded mesh. */
  describe?: string
  /** ListTagResources of it, in this region (only when tags are managed). */
  tagsIn?: string
  /** DescribeServiceMeshes for meshes with the spec's name and region. */
  findByName: boolean
}

export function cloudReads(situation: Situation): CloudReads {
  const { record } = situation
  if (record) {
    const tagged = situation.specHasTags || record.parameters.some(p => p.parameter === 'Tag')
    return { describe: record.meshId, ...(tagged && { tagsIn: record.region }), findByName: false }
  }
  return { findByName: situation.adoptExisting }
}

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
  const drifted = (input.drift?.length ?? 0) > 0
  if (!input.changed && !drifted) {
    if (input.existing === undefined)
      return { action: 'unknown', meshId, reason: 'the spec matches the record' }
    return { action: 'keep', meshId, reason: 'the spec matches the recorded run; nothing to create' }
  }
  if (input.onChange === 'update' && input.update) return decideUpdate(meshId, input.update, input.changed)
  if (!input.changed)
    return {
      action: 'keep',
      meshId,
      reason: `the live mesh ${meshId} differs from its record; on-change is ${input.onChange}, so it is only reported`
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
    default:
      return {
        action: 'fail',
        meshId,
        reason: `the spec changed since mesh ${meshId} was recorded`,
        advice:
          'on-change is fail. Set on-change: update (the default) to change the mesh in place, bring the spec ' +
          'back in line with the record, or set on-change: warn to keep the mesh as it is.'
      }
  }
}

const named = (changes: readonly { parameter: string; path: string }[]): string =>
  changes.map(c => `${c.path} (${c.parameter})`).join(', ')

/** on-change: update. Any change that needs a new mesh refuses the whole update (§5). */
function decideUpdate(meshId: string, plan: UpdatePlan, changed: boolean): Decision {
  if (plan.newMesh.length > 0)
    return {
      action: 'fail',
      meshId,
      reason: `${named(plan.newMesh)} ${plan.newMesh.length === 1 ? 'needs' : 'need'} a new mesh; nothing was changed`,
      advice:
        'No API changes these in place. Bring them back in line with the record to update the rest, ' +
        'or set on-change: create to create a new mesh (the old one is left running).'
    }
  const what = changed ? 'the spec changed' : 'the live mesh drifted from the spec'
  if (plan.steps.length === 0 && plan.recordOnly.length === 0)
    return {
      action: 'keep',
      meshId,
      reason: `${what}, but nothing of it can be applied: ${named(plan.notApplied)}`
    }
  const apis = [...new Set(plan.steps.map(s => s.api))]
  return {
    action: 'update',
    meshId,
    reason: `${what} since mesh ${meshId} was recorded; on-change is update${apis.length ? ` (${apis.join(', ')})` : ': the record only'}`,
    plan
  }
}

function decideWithoutRecord(input: DecisionInput): Decision {
  const renamed = input.renamedFrom
  if (renamed && input.onChange !== 'create')
    return {
      action: 'fail',
      reason:
        `the spec renames mesh ${renamed.meshId} from "${renamed.name}" (state key ${renamed.stateKey}); ` +
        'with the default state key a new name is a new key, and apply would create a second mesh',
      advice:
        `To rename the mesh in place (ModifyServiceMeshName), set the input state-key: ${renamed.stateKey}. ` +
        'To create a second mesh under the new name, set on-change: create.'
    }
  if (!input.adoptExisting)
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
