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
  // One read of the recorded mesh serves the decision, the drift check and the update plan (§7.2).
  const read = reads.describe === undefined ? undefined : await mesh.readLive(reads.describe, reads.tagsIn)
  return {
    ...situation,
    ...(reads.describe !== undefined && { existing: read?.info ?? null }),
    ...(read && { live: read.live }),
    ...(reads.findByName && { candidates: await mesh.findByName(request.name, request.region) })
  }
}
