/**
 * An in-memory cloud for the unit tests of the run and of apply, whose subject is deciding, locking and
 * recording rather than the HTTP client (the emulator tests cover the wire). It counts what it was asked,
 * as the emulators' call logs do.
 */
import type {
  ChangeCall,
  CreateResult,
  LiveRead,
  MeshApi,
  MeshInfo,
  WaitOptions
} from '../../src/cloud/types.js'
import type { MeshRequest } from '../../src/meshspec/request.js'
import type { RunContext } from '../../src/settings.js'

export class FakeCloud implements MeshApi {
  meshes: MeshInfo[] = []
  creates = 0
  /** Every call made, creates, lookups and polls alike. */
  calls = 0
  failNextCreate?: Error
  async create(req: MeshRequest): Promise<CreateResult> {
    this.calls++
    this.creates++
    await new Promise(r => setTimeout(r, 20))
    if (this.failNextCreate) {
      const error = this.failNextCreate
      this.failNextCreate = undefined
      throw error
    }
    const mesh = { id: `mesh-${this.creates}`, name: req.name, region: req.region, state: 'initial' }
    this.meshes.push(mesh)
    return { meshId: mesh.id, requestId: `REQ-${this.creates}` }
  }
  async findByName(name: string, region: string) {
    this.calls++
    return this.meshes.filter(m => m.name === name && m.region === region)
  }
  /** Looks once: the MeshApi tests cover the backoff. */
  async findCreated(where: { name: string; region: string }, existing: readonly string[]) {
    const fresh = (await this.findByName(where.name, where.region)).filter(m => !existing.includes(m.id))
    if (fresh.length > 1) throw new Error('several')
    return fresh[0]
  }
  async describe(id: string) {
    this.calls++
    return this.meshes.find(m => m.id === id)
  }
  /** Every change sent, in order. */
  changes: ChangeCall[] = []
  /** The detail has only ServiceMeshInfo: no live value to compare. */
  async readLive(id: string): Promise<LiveRead | undefined> {
    const info = await this.describe(id)
    return info && { info, live: { detail: { ServiceMesh: { ServiceMeshInfo: { State: info.state } } } } }
  }
  async change(call: ChangeCall): Promise<string> {
    this.calls++
    this.changes.push(call)
    return `REQ-change-${this.changes.length}`
  }
  /** The mesh runs at the first poll. */
  async waitUntilRunning(meshId: string, options: WaitOptions): Promise<MeshInfo> {
    this.calls++
    const mesh = this.meshes.find(m => m.id === meshId)
    if (!mesh) throw new Error(`FakeCloud: no mesh ${meshId}`)
    mesh.state = 'running'
    options.onProgress?.(mesh, 5)
    return mesh
  }
  /** Clusters detach at once. */
  async removeCluster(meshId: string, clusterId: string): Promise<void> {
    this.calls++
    const mesh = this.meshes.find(m => m.id === meshId)
    if (!mesh?.clusters?.includes(clusterId)) throw new Error(`FakeCloud: ${clusterId} is not in ${meshId}`)
    mesh.clusters = mesh.clusters.filter(c => c !== clusterId)
  }
  deletes = 0
  /** The mesh is `deleting` until the next poll finds it gone. */
  async deleteMesh(meshId: string): Promise<{ requestId: string }> {
    this.calls++
    this.deletes++
    const mesh = this.meshes.find(m => m.id === meshId)
    if (!mesh) throw new Error(`FakeCloud: no mesh ${meshId}`)
    if (mesh.clusters?.length) throw new Error(`FakeCloud: ${meshId} has clusters`)
    mesh.state = 'deleting'
    return { requestId: `DEL-${this.deletes}` }
  }
  async waitUntilGone(meshId: string, options: WaitOptions): Promise<void> {
    this.calls++
    const mesh = this.meshes.find(m => m.id === meshId)
    if (mesh) options.onProgress?.(mesh, 5)
    this.meshes = this.meshes.filter(m => m.id !== meshId)
  }
}

export const RUN: RunContext = {
  workspace: '/ws',
  repository: 'o/r',
  runId: '1',
  runAttempt: '1',
  sha: 'abc',
  ref: 'refs/heads/main',
  actor: 'octocat',
  eventName: 'push',
  eventPath: '',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com'
}
