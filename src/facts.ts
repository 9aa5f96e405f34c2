/**
 * What the cloud says about the mesh: the reads decide.ts asks for (cloudReads), made and nothing more.
 * Without credentials nothing is read and the decision rests on the state alone.
 */
import type { MeshApi } from './cloud/types.js'
import { cloudReads, type DecisionInput, type Situation } from './decide.js'
import type { MeshRequest } from './meshspec/request.js'

export async function gatherFacts(
  situation: Situation,
  request: Pick<MeshRequest, 'name' | 'region'>,
  mesh: MeshApi | undefined
): Promise<DecisionInput> {
  if (!mesh) return situation
  const reads = cloudReads(situation)
  return {
    ...situation,
    ...(reads.describe !== undefined && { existing: (await mesh.describe(reads.describe)) ?? null }),
    ...(reads.findByName && { candidates: await mesh.findByName(request.name, request.region) })
  }
}
