/**
 * The cloud side of a run, loaded only by runs that call the cloud (chunks.ts): the chosen credentials
 * turned into keys (for OIDC through STS), and the mesh API that signs with them.
 */
import type { Log } from '../log.js'
import type { Endpoint } from '../settings.js'
import type { CredentialPlan } from './credential-plan.js'
import { resolveCredentials } from './credentials.js'
import { createMeshApi } from './mesh.js'
import type { MeshApi } from './types.js'

export interface ConnectOptions {
  endpoint: Endpoint
  /** @actions/core getIDToken: the token stays in memory, never on disk. */
  getIDToken(audience: string): Promise<string>
  setSecret(value: string): void
  log: Log
}

export async function connectCloud(plan: CredentialPlan, options: ConnectOptions): Promise<MeshApi> {
  const credentials = await resolveCredentials(plan, options)
  return createMeshApi({ endpoint: options.endpoint, credentials, log: options.log })
}
