/**
 * What the cloud says about the mesh, read for a decision: the recorded mesh as it is now, or the
 * meshes with the spec's name in its region. Shared by plan and apply so both decide alike.
 */
import type { MeshApi } from './cloud/types.js'
import type { DecisionInput } from './decide.js'
import type { OnChange } from './settings.js'
import type { MeshRequest } from './meshspec/request.js'
import type { StateRecord } from './state/record.js'

export interface FactsInput {
  record?: StateRecord
  changed: boolean
  adoptExisting: boolean
  onChange: OnChange
  request: Pick<MeshRequest, 'name' | 'region'>
  /** Absent when there are no credentials (plan): the decision then rests on the state alone. */
  mesh?: MeshApi
}

export async function gatherFacts(input: FactsInput): Promise<DecisionInput> {
  const { record, mesh, request } = input
  const base: DecisionInput = {
    record,
    changed: input.changed,
    adoptExisting: input.adoptExisting,
    onChange: input.onChange
  }
  if (!mesh) return base
  if (record) return { ...base, existing: (await mesh.describe(record.meshId)) ?? null }
  if (!base.adoptExisting) return base
  return { ...base, candidates: await mesh.findByName(request.name, request.region) }
}
