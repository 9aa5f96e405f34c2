/**
 * The Service Mesh lifecycle APIs (docs/reference/asm-lifecycle-api.md): update in place, tags, version
 * upgrade, clusters and deletion, on the meshes MeshService keeps, plus the test controls that change a
 * mesh behind the action's back. Like creation, a change runs on the emulator clock and settles when
 * read: no timers outlive a test.
 *
 * Strict readings of what the reference leaves UNVERIFIED (§e, §c):
 * - a change moves the mesh to `updating` (`upgrading` for the version) and its values land only when it
 *   is `running` again, so the action has to wait and then confirm;
 * - every mutating call is refused while the mesh is not `running` (DeleteServiceMesh also takes a failed
 *   mesh), with an invented 400 InvalidOperation.NotRunning patterned on InvalidOperation.Grant.NotRunning;
 * - a deleted mesh is `deleting` first, then gone, and answers as `goneAs` says.
 */
import { AcsError, invalidParameter } from './acs-error.js'
import { readList, readParameters, type LifecycleAction } from './lifecycle-parameters.js'
import { LIVE_PATHS, renderLiveValues, setPath } from './mesh-detail.js'
import type {
  DeletedMesh,
  LifecycleControls,
  LifecycleOperation,
  LifecycleOptions
} from './lifecycle-controls.js'
import type { EmulatedMesh, MeshService } from './mesh-service.js'
import { DEFAULT_VERSIONS, notExpected, upgradeTarget, upgradeVersionAnswer } from './mesh-versions.js'
import { listTagResources, tagResources, untagResources, writeTags } from './tag-service.js'

interface Pending {
  at: number
  finish(): void
}

type Handler = (params: Record<string, string>) => object

/** Settable only on a mesh created with a custom CA (§a.2 #15, #37-#39). */
const CUSTOM_CA_PARAMETERS = ['CertChain', 'ExistingCaCert', 'ExistingCaKey', 'ExistingRootCaCert']

export class LifecycleService implements LifecycleControls {
  readonly deleted: DeletedMesh[] = []
  readonly operations: Record<string, LifecycleOperation>
  private readonly pending = new Map<string, Pending>()
  private readonly failures = new Map<string, string>()
  private readonly clusters = new Map<string, string[]>()
  private readonly overrides = new Map<string, Map<string, unknown>>()
  private readonly options: Required<LifecycleOptions>

  constructor(
    private readonly meshService: MeshService,
    private readonly clock: () => number,
    options: LifecycleOptions = {}
  ) {
    this.options = {
      changeMs: 100,
      deleteMs: 100,
      goneAs: 'ServiceMesh.NotFound',
      istioVersions: DEFAULT_VERSIONS,
      tagPageSize: 20,
      ...options
    }
    this.operations = this.operationTable()
  }

  /** Runs every change whose time has come. */
  settle(): void {
    const now = this.clock()
    for (const [id, pending] of this.pending) {
      if (now < pending.at) continue
      this.pending.delete(id)
      pending.finish()
    }
  }

  /** A state set by hand stays: the mesh's change in progress, if any, is dropped. */
  cancel(id: string): void {
    this.pending.delete(id)
  }

  /** DescribeServiceMeshDetail: MeshService's answer with the live values, clusters and no tags (§d). */
  detail(params: Record<string, string>): object {
    this.settle()
    let answer: { ServiceMesh: Record<string, unknown> }
    try {
      answer = this.meshService.detail(params) as typeof answer
    } catch (error) {
      if (
        error instanceof AcsError &&
        error.code === 'ServiceMesh.NotFound' &&
        this.isDeleted(params.ServiceMeshId)
      )
        throw this.gone('DescribeServiceMeshDetail', params.ServiceMeshId)
      throw error
    }
    const mesh = this.existing(params.ServiceMeshId)
    const shown = answer.ServiceMesh
    delete shown.Tag // only DescribeServiceMeshes and ListTagResources show tags (§b)
    shown.Clusters = [...this.attached(mesh)]
    renderLiveValues(shown, mesh)
    for (const [path, value] of this.overrides.get(mesh.id) ?? []) setPath(shown, path, value)
    return answer
  }

  /** DescribeServiceMeshes: MeshService's answer with clusters, edition and whether an upgrade exists. */
  list(params: Record<string, string>): object {
    this.settle()
    const answer = this.meshService.list(params) as { ServiceMeshes: Array<Record<string, unknown>> }
    for (const shown of answer.ServiceMeshes) {
      const info = shown.ServiceMeshInfo as Record<string, unknown>
      const mesh = this.existing(info.ServiceMeshId as string)
      shown.Clusters = [...this.attached(mesh)]
      shown.Upgradable = upgradeTarget(this.options.istioVersions, mesh) !== undefined
      if (mesh.parameters.Edition) info.Profile = mesh.parameters.Edition
    }
    return answer
  }

  drift(meshId: string, changes: Record<string, string | undefined>): void {
    const mesh = this.existing(meshId)
    for (const [name, value] of Object.entries(changes)) {
      if (!(name in LIVE_PATHS))
        throw new Error(`cloud emulator: DescribeServiceMeshDetail does not show ${name}, so it cannot drift`)
      if (value === undefined) delete mesh.parameters[name]
      else mesh.parameters[name] = value
      if (name === 'Name' && value !== undefined) mesh.name = value
    }
  }

  setTags(meshId: string, tags: Record<string, string>): void {
    writeTags(
      this.existing(meshId),
      Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
    )
  }

  overrideDetail(meshId: string, path: string, value: unknown): void {
    const overrides = this.overrides.get(meshId) ?? new Map<string, unknown>()
    this.overrides.set(this.existing(meshId).id, overrides.set(path, value))
  }

  attachCluster(meshId: string, clusterId: string): void {
    const attached = this.attached(this.existing(meshId))
    if (!attached.includes(clusterId)) attached.push(clusterId)
  }

  clustersOf(meshId: string): string[] {
    return [...this.attached(this.existing(meshId))]
  }

  failNextChange(meshId: string, message: string): void {
    this.failures.set(this.existing(meshId).id, message)
  }

  private operationTable(): Record<string, LifecycleOperation> {
    const handlers: Record<LifecycleAction, Handler> = {
      UpdateMeshFeature: params => this.updateFeatures(params),
      ModifyServiceMeshName: params => this.rename(params),
      UpdateControlPlaneLogConfig: params => this.updateControlPlaneLog(params),
      UpgradeMeshEditionPartially: params => this.upgrade(params),
      DescribeUpgradeVersion: params =>
        upgradeVersionAnswer(
          this.options.istioVersions,
          this.find('DescribeUpgradeVersion', params.ServiceMeshId)
        ),
      TagResources: params => tagResources(this.tagTargets('TagResources', params), params),
      UntagResources: params => untagResources(this.tagTargets('UntagResources', params), params),
      ListTagResources: params => listTagResources(this.meshService.meshes, params, this.options.tagPageSize),
      AddClusterIntoServiceMesh: params => this.addCluster(params),
      RemoveClusterFromServiceMesh: params => this.removeCluster(params),
      DeleteServiceMesh: params => this.delete(params)
    }
    const entries = Object.entries(handlers).map(([action, handle]): [string, LifecycleOperation] => [
      action,
      {
        // The SDKs send every one of them as POST (§b); form-body parameters need it.
        methods: ['POST'],
        anonymous: false,
        run: (_params, request) => {
          this.settle()
          return handle(readParameters(action as LifecycleAction, request))
        }
      }
    ])
    return Object.fromEntries(entries)
  }

  private updateFeatures({ ServiceMeshId: id, ...features }: Record<string, string>): object {
    const mesh = this.changeable('UpdateMeshFeature', id)
    for (const name of CUSTOM_CA_PARAMETERS) {
      if (features[name] !== undefined && mesh.parameters.UseExistingCA !== 'true')
        throw invalidParameter(name, 'only a mesh created with UseExistingCA=true takes a custom CA.')
    }
    this.change(mesh, 'updating', () => {
      Object.assign(mesh.parameters, features)
      // "requires Telemetry=true; forced false when Telemetry is set false" (§a.2 #50)
      const touched = features.Telemetry !== undefined || features.KialiEnabled !== undefined
      if (touched && mesh.parameters.KialiEnabled === 'true' && mesh.parameters.Telemetry !== 'true')
        mesh.parameters.KialiEnabled = 'false'
    })
    return {}
  }

  /** No wait follows a rename (§b), so it lands at once. */
  private rename({ ServiceMeshId: id, Name: name }: Record<string, string>): object {
    const mesh = this.changeable('ModifyServiceMeshName', id)
    mesh.name = name
    mesh.parameters.Name = name
    return {}
  }

  private updateControlPlaneLog(params: Record<string, string>): object {
    const mesh = this.changeable('UpdateControlPlaneLogConfig', params.ServiceMeshId)
    this.change(mesh, 'updating', () => {
      mesh.parameters.ControlPlaneLogEnabled = params.Enabled
      if (params.Project !== undefined) mesh.parameters.ControlPlaneLogProject = params.Project
      if (params.LogTTLInDay !== undefined) mesh.parameters.LogTTLInDay = params.LogTTLInDay
    })
    return {}
  }

  /** An ExpectedVersion other than the server's target, a lower one included, is refused (mesh-versions.ts). */
  private upgrade(params: Record<string, string>): object {
    const mesh = this.changeable('UpgradeMeshEditionPartially', params.ServiceMeshId)
    const target = upgradeTarget(this.options.istioVersions, mesh)
    const expected = params.ExpectedVersion
    const toPro = params.SwitchToPro === 'true'
    if ((expected !== undefined && expected !== target) || (target === undefined && !toPro))
      throw notExpected(this.options.istioVersions, mesh, expected)
    if (params.PreCheck === 'true') return {}
    this.change(mesh, 'upgrading', () => {
      if (target !== undefined) mesh.parameters.IstioVersion = target
      if (toPro) mesh.parameters.Edition = 'Pro'
    })
    return {}
  }

  private addCluster({ ServiceMeshId: id, ClusterId: clusterId }: Record<string, string>): object {
    const mesh = this.changeable('AddClusterIntoServiceMesh', id)
    const attached = this.attached(mesh)
    // The real code for a cluster already in the mesh is UNVERIFIED; a refusal is the strict reading.
    if (attached.includes(clusterId))
      throw invalidParameter('ClusterId', `cluster ${clusterId} is already in service mesh ${id}.`)
    this.change(mesh, 'updating', () => attached.push(clusterId))
    return {}
  }

  private removeCluster({ ServiceMeshId: id, ClusterId: clusterId }: Record<string, string>): object {
    const mesh = this.changeable('RemoveClusterFromServiceMesh', id)
    const attached = this.attached(mesh)
    if (!attached.includes(clusterId))
      throw invalidParameter('ClusterId', `cluster ${clusterId} is not in service mesh ${id}.`)
    this.change(mesh, 'updating', () => attached.splice(attached.indexOf(clusterId), 1))
    return {}
  }

  /**
   * §c: refused with 400 ErrorPermitted.ClustersNotEmpty while clusters are attached, Force or not;
   * StillInitializing while the mesh is being created (HTTP 400 assumed). Then `deleting` (UNVERIFIED),
   * then gone.
   */
  private delete(params: Record<string, string>): object {
    const mesh = this.find('DeleteServiceMesh', params.ServiceMeshId)
    if (mesh.state === 'initial')
      throw new AcsError(400, 'StillInitializing', `The service mesh ${mesh.id} is still being created.`)
    if (mesh.state !== 'running' && !/failed$|^create_timeout$/.test(mesh.state))
      throw notRunning('DeleteServiceMesh', mesh)
    if (this.attached(mesh).length > 0) {
      throw new AcsError(
        400,
        'ErrorPermitted.ClustersNotEmpty',
        `Service mesh ${mesh.id} has clusters: the clusters should be removed from it before the mesh instance is deleted.`
      )
    }
    this.meshService.setState(mesh.id, 'deleting')
    this.pending.set(mesh.id, {
      at: this.clock() + this.options.deleteMs,
      finish: () => {
        this.deleted.push({
          mesh: this.meshService.remove(mesh.id),
          force: params.Force === 'true',
          retainResources: params.RetainResources ? (JSON.parse(params.RetainResources) as string[]) : [],
          deletedAt: this.clock()
        })
      }
    })
    return {}
  }

  /**
   * Moves the mesh into `state` now; changeMs later its values land and it is `running` again, or, after
   * failNextChange, it is `<state>_failed` and nothing landed.
   */
  private change(mesh: EmulatedMesh, state: string, land: () => void): void {
    const failure = this.failures.get(mesh.id)
    this.failures.delete(mesh.id)
    this.meshService.setState(mesh.id, state)
    this.pending.set(mesh.id, {
      at: this.clock() + this.options.changeMs,
      finish: () => {
        if (failure !== undefined) return this.meshService.setState(mesh.id, `${state}_failed`, failure)
        land()
        this.meshService.setState(mesh.id, 'running')
      }
    })
  }

  /** The meshes ResourceId.N names, in RegionId; each must exist and be running. */
  private tagTargets(action: LifecycleAction, params: Record<string, string>): EmulatedMesh[] {
    return readList(params, 'ResourceId').map(id => {
      const mesh = this.changeable(action, id)
      // A mesh of another region is not found there (UNVERIFIED which code the tag APIs use).
      if (mesh.region !== params.RegionId) throw notFound(action, id)
      return mesh
    })
  }

  private changeable(action: LifecycleAction, id: string): EmulatedMesh {
    const mesh = this.find(action, id)
    if (mesh.state !== 'running') throw notRunning(action, mesh)
    return mesh
  }

  private find(action: LifecycleAction, id: string): EmulatedMesh {
    const mesh = this.meshService.meshes.find(m => m.id === id)
    if (mesh) return mesh
    throw this.isDeleted(id) ? this.gone(action, id) : notFound(action, id)
  }

  private existing(id: string): EmulatedMesh {
    const mesh = this.meshService.meshes.find(m => m.id === id)
    if (!mesh) throw new Error(`cloud emulator: no mesh with id ${id}`)
    return mesh
  }

  private isDeleted(id: string | undefined): boolean {
    return this.deleted.some(gone => gone.mesh.id === id)
  }

  /** GuestCluster is attached from the start (that it shows in Clusters is UNVERIFIED, §d.2). */
  private attached(mesh: EmulatedMesh): string[] {
    let attached = this.clusters.get(mesh.id)
    if (!attached) {
      attached = mesh.parameters.GuestCluster ? [mesh.parameters.GuestCluster] : []
      this.clusters.set(mesh.id, attached)
    }
    return attached
  }

  private gone(action: string, id: string): AcsError {
    if (action === 'UpdateControlPlaneLogConfig' || this.options.goneAs === 'ServiceMesh.NotFound')
      return notFound(action, id)
    return new AcsError(403, 'StatusForbidden', `The service mesh ${id} cannot be accessed in its status.`)
  }
}

/** UpdateControlPlaneLogConfig documents 404 ERR404 "Not found" (§b); the others ServiceMesh.NotFound (404 assumed). */
function notFound(action: string, id: string): AcsError {
  if (action === 'UpdateControlPlaneLogConfig') return new AcsError(404, 'ERR404', 'Not found')
  return new AcsError(404, 'ServiceMesh.NotFound', `The service mesh ${id} does not exist.`)
}

function notRunning(action: string, mesh: EmulatedMesh): AcsError {
  return new AcsError(
    400,
    'InvalidOperation.NotRunning',
    `The service mesh ${mesh.id} is ${mesh.state}; ${action} needs it running.`
  )
}
