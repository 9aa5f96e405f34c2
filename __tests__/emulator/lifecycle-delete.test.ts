/**
 * Clusters and deletion through the real openapi-client: AddClusterIntoServiceMesh,
 * RemoveClusterFromServiceMesh, DeleteServiceMesh refused while clusters are attached (Force or not),
 * `deleting`, then gone, and how a deleted mesh answers (docs/reference/asm-lifecycle-api.md §b, §c).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  asm,
  CHANGE_MS,
  DELETE_MS,
  detail,
  listMeshes,
  refusal,
  runningMesh,
  startLifecycle,
  stateOf,
  valueAt,
  type Lifecycle
} from './helpers/lifecycle.js'

const GUEST = 'c0123456789abcdef0123456789abcdef'
const FOREIGN = 'cfedcba9876543210fedcba9876543210'
let lifecycle: Lifecycle

beforeAll(async () => {
  lifecycle = await startLifecycle()
})

afterAll(async () => {
  await lifecycle.stop()
})

function remove(id: string, clusterId: string) {
  return asm(lifecycle.emulator, 'RemoveClusterFromServiceMesh', {
    body: { ServiceMeshId: id, ClusterId: clusterId }
  })
}

function deleteMesh(id: string, extra: Record<string, string> = {}) {
  return asm(lifecycle.emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id, ...extra } })
}

async function listedIds(): Promise<unknown[]> {
  return (await listMeshes(lifecycle.emulator)).map(mesh => valueAt(mesh, 'ServiceMeshInfo.ServiceMeshId'))
}

describe('clusters', () => {
  it('GuestCluster is attached from the start; Add and Remove run through updating', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { GuestCluster: GUEST })
    expect(valueAt(await detail(emulator, id), 'Clusters')).toEqual([GUEST])

    await asm(emulator, 'AddClusterIntoServiceMesh', { body: { ServiceMeshId: id, ClusterId: FOREIGN } })
    expect(await stateOf(emulator, id)).toBe('updating')
    expect(valueAt(await detail(emulator, id), 'Clusters')).toEqual([GUEST])
    lifecycle.advance(CHANGE_MS)
    expect(valueAt(await detail(emulator, id), 'Clusters')).toEqual([GUEST, FOREIGN])

    await remove(id, GUEST)
    lifecycle.advance(CHANGE_MS)
    const shown = await detail(emulator, id)
    expect(valueAt(shown, 'ServiceMeshInfo.State')).toBe('running')
    expect(valueAt(shown, 'Clusters')).toEqual([FOREIGN])
    expect(emulator.lifecycle.clustersOf(id)).toEqual([FOREIGN])
  })

  it('refuses a cluster twice, removing one that is not attached, and a missing ClusterId', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { GuestCluster: GUEST })
    expect(
      await refusal(emulator, 'AddClusterIntoServiceMesh', { body: { ServiceMeshId: id, ClusterId: GUEST } })
    ).toEqual({ code: 'InvalidParameter.ClusterId', statusCode: 400 })
    expect(
      await refusal(emulator, 'RemoveClusterFromServiceMesh', {
        body: { ServiceMeshId: id, ClusterId: FOREIGN }
      })
    ).toEqual({ code: 'InvalidParameter.ClusterId', statusCode: 400 })
    expect(await refusal(emulator, 'RemoveClusterFromServiceMesh', { body: { ServiceMeshId: id } })).toEqual({
      code: 'MissingParameter.ClusterId',
      statusCode: 400
    })
    expect(await stateOf(emulator, id)).toBe('running')
  })
})

describe('DeleteServiceMesh', () => {
  it('refuses with ErrorPermitted.ClustersNotEmpty while a cluster is attached, even with Force', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator)
    emulator.lifecycle.attachCluster(id, FOREIGN)
    for (const extra of [{}, { Force: 'true' }] as Array<Record<string, string>>) {
      expect(await refusal(emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id, ...extra } })).toEqual(
        { code: 'ErrorPermitted.ClustersNotEmpty', statusCode: 400 }
      )
    }
    expect(await stateOf(emulator, id)).toBe('running')
    await remove(id, FOREIGN)
    lifecycle.advance(CHANGE_MS)
    expect((await deleteMesh(id)).statusCode).toBe(200)
  })

  it('is deleting, then gone: ServiceMesh.NotFound, not listed, recorded with Force and RetainResources', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, {}, 'to-delete')
    await deleteMesh(id, { Force: 'true', RetainResources: '["lb-bp1abc","lb-bp2def"]' })
    expect(await stateOf(emulator, id)).toBe('deleting')
    expect(await listedIds()).toContain(id)
    expect(await refusal(emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id } })).toEqual({
      code: 'InvalidOperation.NotRunning',
      statusCode: 400
    })

    lifecycle.advance(DELETE_MS)
    expect(await refusal(emulator, 'DescribeServiceMeshDetail', { body: { ServiceMeshId: id } })).toEqual({
      code: 'ServiceMesh.NotFound',
      statusCode: 404
    })
    expect(await listedIds()).not.toContain(id)
    expect(emulator.meshes.map(mesh => mesh.id)).not.toContain(id)
    expect(emulator.lifecycle.deleted.at(-1)).toMatchObject({
      mesh: { id, name: 'to-delete' },
      force: true,
      retainResources: ['lb-bp1abc', 'lb-bp2def']
    })
    expect(await refusal(emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id } })).toEqual({
      code: 'ServiceMesh.NotFound',
      statusCode: 404
    })
  })

  it('refuses a mesh still being created (StillInitializing), and takes a failed one', async () => {
    const { emulator } = lifecycle
    const creating = runningMesh(emulator)
    emulator.setMeshState(creating, 'initial')
    expect(await refusal(emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: creating } })).toEqual({
      code: 'StillInitializing',
      statusCode: 400
    })
    const failed = runningMesh(emulator)
    emulator.setMeshState(failed, 'updating_failed', 'broken')
    expect((await deleteMesh(failed)).statusCode).toBe(200)
    expect(await stateOf(emulator, failed)).toBe('deleting')
  })

  const refusals: Array<[string, Record<string, string>, string]> = [
    [
      'RetainResources that is no JSON array',
      { RetainResources: 'lb-bp1abc' },
      'InvalidParameter.RetainResources'
    ],
    ['RetainResources holding numbers', { RetainResources: '[1,2]' }, 'InvalidParameter.RetainResources'],
    ['Force written yes', { Force: 'yes' }, 'InvalidParameter.Force'],
    ['an unknown parameter', { RetainClusters: 'true' }, 'InvalidParameter.RetainClusters']
  ]
  it.each(refusals)('refuses %s', async (_what, extra, code) => {
    const id = runningMesh(lifecycle.emulator)
    expect(
      await refusal(lifecycle.emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id, ...extra } })
    ).toEqual({ code, statusCode: 400 })
    expect(await stateOf(lifecycle.emulator, id)).toBe('running')
  })
})

describe('a deleted mesh answering StatusForbidden (goneAs)', () => {
  it('answers 403 StatusForbidden to the detail and to a second delete; a never-known id stays NotFound', async () => {
    const forbidding = await startLifecycle({ lifecycle: { goneAs: 'StatusForbidden' } })
    try {
      const { emulator } = forbidding
      const id = runningMesh(emulator)
      await asm(emulator, 'DeleteServiceMesh', { body: { ServiceMeshId: id } })
      forbidding.advance(DELETE_MS)
      for (const action of ['DescribeServiceMeshDetail', 'DeleteServiceMesh', 'UpdateMeshFeature']) {
        expect(await refusal(emulator, action, { body: { ServiceMeshId: id } })).toEqual({
          code: 'StatusForbidden',
          statusCode: 403
        })
      }
      expect(
        await refusal(emulator, 'DescribeServiceMeshDetail', { body: { ServiceMeshId: '0'.repeat(32) } })
      ).toEqual({ code: 'ServiceMesh.NotFound', statusCode: 404 })
    } finally {
      await forbidding.stop()
    }
  })
})
