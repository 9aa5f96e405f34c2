/**
 * Service Mesh 2020-01-11: CreateServiceMesh, DescribeServiceMeshes, DescribeServiceMeshDetail, and the
 * meshes they act on. A new mesh is `initial` and becomes `running` (or `failed`) once provisionMs have
 * passed on the emulator clock; states settle when read, so no timers outlive a test.
 */
import { randomBytes } from 'node:crypto'
import { AcsError, invalidParameter, missingParameter } from './acs-error.js'
import {
  isTagParameter,
  readTags,
  readVSwitches,
  validateCreateParameters,
  type MeshTag
} from './mesh-parameters.js'
import { isoSeconds } from './iso-time.js'

export interface EmulatedMesh {
  id: string
  name: string
  region: string
  state: string
  errorMessage?: string
  /** CreateServiceMesh params as received (decoded body + query), then as the update APIs change them (lifecycle-service.ts) */
  parameters: Record<string, string>
  createdAt: number
}

interface Transition {
  at: number
  state: string
  errorMessage?: string
}

/** Shown as ServiceMeshInfo.Version when the create did not choose one. */
export const DEFAULT_ISTIO_VERSION = 'v1.22.6.71-g0b38b4b3-aliyun'

export class MeshService {
  private readonly all: EmulatedMesh[] = []
  private readonly transitions = new Map<string, Transition>()
  /** When a mesh made by CreateServiceMesh shows up in DescribeServiceMeshes (see listLagMs). */
  private readonly listedFrom = new Map<string, number>()

  constructor(
    private readonly clock: () => number,
    private readonly provisionMs: number,
    private readonly acceptParameters: string[],
    private readonly listLagMs = 0
  ) {}

  /** Every mesh, states settled to the emulator clock. */
  get meshes(): EmulatedMesh[] {
    this.settle()
    return this.all
  }

  /** `failure` set: the mesh ends `failed` with that message instead of `running`. */
  create(params: Record<string, string>, failure: string | undefined): object {
    validateCreateParameters(params, this.acceptParameters)
    const mesh = this.add({
      name: params.Name ?? '',
      region: params.RegionId,
      state: 'initial',
      parameters: params
    })
    this.listedFrom.set(mesh.id, mesh.createdAt + this.listLagMs)
    this.transitions.set(mesh.id, {
      at: mesh.createdAt + this.provisionMs,
      ...(failure === undefined ? { state: 'running' } : { state: 'failed', errorMessage: failure })
    })
    return { ServiceMeshId: mesh.id }
  }

  /** Optional Tag.N.* filter: a mesh must carry every tag given. */
  list(params: Record<string, string>): object {
    for (const name of Object.keys(params)) {
      if (!isTagParameter(name))
        throw invalidParameter(name, 'DescribeServiceMeshes accepts only Tag.N.Key / Tag.N.Value.')
    }
    const wanted = readTags(params)
    const now = this.clock()
    const matching = this.meshes.filter(
      mesh =>
        (this.listedFrom.get(mesh.id) ?? 0) <= now &&
        wanted.every(tag => tagsOf(mesh).some(own => own.Key === tag.Key && own.Value === tag.Value))
    )
    return { ServiceMeshes: matching.map(describeMesh) }
  }

  detail(params: Record<string, string>): object {
    for (const name of Object.keys(params)) {
      if (name !== 'ServiceMeshId')
        throw invalidParameter(name, 'DescribeServiceMeshDetail accepts only ServiceMeshId.')
    }
    if (!params.ServiceMeshId) throw missingParameter('ServiceMeshId')
    const mesh = this.meshes.find(m => m.id === params.ServiceMeshId)
    // Code as Terraform's provider handles it; the 404 status is assumed (docs/reference/asm-api.md §4 lists it as unknown).
    if (!mesh)
      throw new AcsError(
        404,
        'ServiceMesh.NotFound',
        `The service mesh ${params.ServiceMeshId} does not exist.`
      )
    return { ServiceMesh: describeMesh(mesh) }
  }

  add(mesh: Pick<EmulatedMesh, 'name' | 'region'> & Partial<EmulatedMesh>): EmulatedMesh {
    const full: EmulatedMesh = {
      id: randomBytes(16).toString('hex'),
      state: 'running',
      createdAt: this.clock(),
      ...mesh,
      parameters: { RegionId: mesh.region, Name: mesh.name, ...mesh.parameters }
    }
    this.all.push(full)
    return full
  }

  /** Sets a state now; the mesh no longer changes by itself. */
  setState(id: string, state: string, errorMessage?: string): void {
    const mesh = this.all.find(m => m.id === id)
    if (!mesh) throw new Error(`cloud emulator: no mesh with id ${id}`)
    this.transitions.delete(id)
    mesh.state = state
    mesh.errorMessage = errorMessage
  }

  /** Takes a mesh out: DeleteServiceMesh once the deletion has run (lifecycle-service.ts). */
  remove(id: string): EmulatedMesh {
    const index = this.all.findIndex(m => m.id === id)
    if (index < 0) throw new Error(`cloud emulator: no mesh with id ${id}`)
    this.transitions.delete(id)
    return this.all.splice(index, 1)[0]
  }

  private settle(): void {
    const now = this.clock()
    for (const [id, transition] of this.transitions) {
      if (now < transition.at) continue
      this.setState(id, transition.state, transition.errorMessage)
    }
  }
}

function tagsOf(mesh: EmulatedMesh): MeshTag[] {
  return readTags(mesh.parameters)
}

/** The fields of a mesh the action reads, shaped as both Describe APIs return them (docs/reference/asm-api.md §3). */
function describeMesh(mesh: EmulatedMesh): object {
  const created = isoSeconds(mesh.createdAt)
  return {
    ServiceMeshInfo: {
      ServiceMeshId: mesh.id,
      Name: mesh.name,
      RegionId: mesh.region,
      State: mesh.state,
      Profile: 'Default',
      Version: mesh.parameters.IstioVersion ?? DEFAULT_ISTIO_VERSION,
      CreationTime: created,
      UpdateTime: created,
      ...(mesh.errorMessage === undefined ? {} : { ErrorMessage: mesh.errorMessage })
    },
    Spec: {
      Network: {
        VpcId: mesh.parameters.VpcId ?? '',
        VSwitches: readVSwitches(mesh.parameters.VSwitches),
        SecurityGroupId: ''
      }
    },
    ClusterSpec: mesh.parameters.ClusterSpec ?? 'standard',
    Tag: tagsOf(mesh)
  }
}
