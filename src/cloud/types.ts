/** CONTRACT: what the rest of the action needs from Alibaba Cloud. Implemented in cloud/*.ts. */
import type { LiveMesh } from '../live.js'
import type { MeshRequest } from '../meshspec/request.js'

export interface Credentials {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
  source: 'oidc' | 'static' | 'env'
  /** ISO time when temporary credentials expire. */
  expiration?: string
}

export interface MeshInfo {
  id: string
  name: string
  region: string
  /** `running`, `initial`, `failed`, ... as the API reports it */
  state: string
  errorMessage?: string
  /** Data-plane clusters attached (DescribeServiceMeshDetail `ServiceMesh.Clusters`); only from describe. */
  clusters?: string[]
}

export interface CreateResult {
  meshId: string
  /** '' when the answer was lost and the mesh was found by name afterwards without one. */
  requestId: string
}

export interface WaitOptions {
  timeoutSeconds: number
  /** called on every poll */
  onProgress?: (info: MeshInfo, elapsedSeconds: number) => void
  signal?: AbortSignal
}

/** The mesh read once: its info, and the detail (with tags when asked) to compare against the record. */
export interface LiveRead {
  info: MeshInfo
  live: LiveMesh
}

/** A call that changes a mesh (an update step): form body and query as the API takes them. */
export interface ChangeCall {
  action: string
  query: Record<string, string>
  body: Record<string, string>
}

/** Where and how long to look for the mesh of a create of unknown outcome. */
export interface LookOptions {
  /** When the create was sent (ms, like Date.now): the look ends once it can no longer show up. */
  since: number
  /** Stops the look early (the job was cancelled). */
  signal?: AbortSignal
}

export interface MeshApi {
  /**
   * CreateServiceMesh, sent once: an unknown outcome is resolved by looking the mesh up (findCreated),
   * never by sending again. `existing`: ids of the meshes with the same name and region listed before the
   * send (and any recorded mesh), so that the lookup never takes one of them for the new mesh.
   */
  create(
    request: MeshRequest,
    existing: readonly string[],
    look?: Omit<LookOptions, 'since'>
  ): Promise<CreateResult>
  /** DescribeServiceMeshes filtered client-side on name and region. */
  findByName(name: string, region: string): Promise<MeshInfo[]>
  /**
   * The one mesh with the name and region that is not in `existing`, looked for with backoff until a
   * create sent at `look.since` can no longer show up; undefined when none did. Several: an error.
   */
  findCreated(
    request: Pick<MeshRequest, 'name' | 'region'>,
    existing: readonly string[],
    look: LookOptions
  ): Promise<MeshInfo | undefined>
  /**
   * DescribeServiceMeshDetail; undefined only when the API says ServiceMesh.NotFound. An ambiguous
   * StatusForbidden is thrown as an access error.
   */
  describe(meshId: string): Promise<MeshInfo | undefined>
  /**
   * DescribeServiceMeshDetail, and with `tagsIn` (the mesh's region) its tags from ListTagResources;
   * undefined when the mesh does not exist (any more).
   */
  readLive(meshId: string, tagsIn?: string): Promise<LiveRead | undefined>
  /** Sends a change once (throttling aside); an unknown outcome is thrown for the caller to read back. Its RequestId. */
  change(call: ChangeCall): Promise<string>
  /** Polls describe until `running`; throws ActionError on a failed state or timeout. */
  waitUntilRunning(meshId: string, options: WaitOptions): Promise<MeshInfo>
  /** RemoveClusterFromServiceMesh: detaches a data-plane cluster (the mesh is `updating` until it is done). */
  removeCluster(meshId: string, clusterId: string): Promise<void>
  /**
   * DeleteServiceMesh, sent once: an unknown outcome is resolved by describing the mesh. Its RequestId
   * ('' when the answer was lost).
   */
  deleteMesh(meshId: string): Promise<{ requestId: string }>
  /** Polls describe until the mesh is gone; throws ActionError on a failed state or timeout. */
  waitUntilGone(meshId: string, options: WaitOptions): Promise<void>
}
