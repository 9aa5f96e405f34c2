/**
 * The lifecycle emulation's options and test controls (lifecycle-service.ts), apart so the emulator's
 * interface can name them without the implementation.
 */
import type { EmulatedMesh } from './mesh-service.js'

export interface LifecycleOptions {
  /** how long a change keeps the mesh out of `running` (default 100 ms of emulator clock) */
  changeMs?: number
  /** how long a mesh is `deleting` before it is gone (default 100) */
  deleteMs?: number
  /**
   * How a deleted mesh answers (§c): ServiceMesh.NotFound (HTTP 404, the status is UNVERIFIED) or
   * StatusForbidden (HTTP 403). A mesh that never existed is always ServiceMesh.NotFound.
   */
  goneAs?: 'ServiceMesh.NotFound' | 'StatusForbidden'
  /** ASM versions oldest first; a mesh upgrades one step up this list (default: four around the default) */
  istioVersions?: string[]
  /** ListTagResources entries per page (default 20) */
  tagPageSize?: number
}

export interface DeletedMesh {
  /** as it was when it went */
  mesh: EmulatedMesh
  force: boolean
  retainResources: string[]
  deletedAt: number
}

/** What tests do to meshes behind the action's back, and what they can read of the lifecycle. */
export interface LifecycleControls {
  /** Sets live values as another tool would: API parameter names, wire-form values; undefined unsets. */
  drift(meshId: string, changes: Record<string, string | undefined>): void
  /** Replaces the mesh's tags. */
  setTags(meshId: string, tags: Record<string, string>): void
  /** A raw value at a path under ServiceMesh in the detail, laid over the rest: shapes the action does not expect. */
  overrideDetail(meshId: string, path: string, value: unknown): void
  /** Attaches a data-plane cluster at once, without a call. */
  attachCluster(meshId: string, clusterId: string): void
  clustersOf(meshId: string): string[]
  /** The mesh's next change ends in `<state>_failed` with this message, and its values do not land. */
  failNextChange(meshId: string, message: string): void
  /** Meshes deleted so far, oldest first. */
  readonly deleted: DeletedMesh[]
}

/** One API operation as the dispatcher in cloud-emulator.ts runs it. */
export interface LifecycleOperation {
  methods: string[]
  anonymous: boolean
  run(
    params: Record<string, string>,
    request: { query: Record<string, string>; body: Record<string, string> }
  ): object
}
