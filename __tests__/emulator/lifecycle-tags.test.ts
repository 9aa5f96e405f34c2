/**
 * TagResources, UntagResources, ListTagResources and DescribeServiceMeshes' tags through the real
 * openapi-client: every field in the query, ResourceType=servicemesh, flattened ResourceId.N / Tag.N /
 * TagKey.N (docs/reference/asm-lifecycle-api.md §b).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  asm,
  listed,
  listMeshes,
  REGION,
  refusal,
  runningMesh,
  startLifecycle,
  valueAt,
  type Lifecycle
} from './helpers/lifecycle.js'

let lifecycle: Lifecycle

beforeAll(async () => {
  lifecycle = await startLifecycle({ lifecycle: { tagPageSize: 3 } })
})

afterAll(async () => {
  await lifecycle.stop()
})

function target(...ids: string[]): Record<string, string> {
  const query: Record<string, string> = { RegionId: REGION, ResourceType: 'servicemesh' }
  ids.forEach((id, index) => (query[`ResourceId.${index + 1}`] = id))
  return query
}

function tag(id: string, tags: Record<string, string>) {
  const query = target(id)
  Object.entries(tags).forEach(([key, value], index) => {
    query[`Tag.${index + 1}.Key`] = key
    query[`Tag.${index + 1}.Value`] = value
  })
  return asm(lifecycle.emulator, 'TagResources', { query })
}

async function listedTags(id: string): Promise<unknown> {
  return (await listed(lifecycle.emulator, id))?.Tag
}

async function tagPages(query: Record<string, string>): Promise<unknown[][]> {
  const pages: unknown[][] = []
  let next = ''
  do {
    const { body } = await asm(lifecycle.emulator, 'ListTagResources', {
      query: { ...query, ...(next && { NextToken: next }) }
    })
    pages.push(body.TagResources as unknown[])
    next = body.NextToken as string
  } while (next)
  return pages
}

describe('TagResources and UntagResources', () => {
  it('add and overwrite tags at once; DescribeServiceMeshes shows and filters by them', async () => {
    const id = runningMesh(lifecycle.emulator, { 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' })
    const answer = await tag(id, { env: 'prod', team: 'mesh & co' })
    expect(Object.keys(answer.body)).toEqual(['RequestId'])
    expect(await listedTags(id)).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'mesh & co' }
    ])
    const filtered = await listMeshes(lifecycle.emulator, { 'Tag.1.Key': 'team', 'Tag.1.Value': 'mesh & co' })
    expect(filtered.map(mesh => valueAt(mesh, 'ServiceMeshInfo.ServiceMeshId'))).toEqual([id])
  })

  it('UntagResources removes the TagKey.N keys, or all with All=true, and needs one of them', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator)
    await tag(id, { a: '1', b: '2', c: '3' })
    await asm(emulator, 'UntagResources', { query: { ...target(id), 'TagKey.1': 'a', 'TagKey.2': 'gone' } })
    expect(await listedTags(id)).toEqual([
      { Key: 'b', Value: '2' },
      { Key: 'c', Value: '3' }
    ])
    expect(await refusal(emulator, 'UntagResources', { query: target(id) })).toEqual({
      code: 'MissingParameter.TagKey',
      statusCode: 400
    })
    await asm(emulator, 'UntagResources', { query: { ...target(id), All: 'true' } })
    expect(await listedTags(id)).toEqual([])
  })

  const refusals: Array<[string, Record<string, string>, string]> = [
    ['another ResourceType', { ResourceType: 'cluster' }, 'InvalidParameter.ResourceType'],
    ['no RegionId', { RegionId: '' }, 'MissingParameter.RegionId'],
    ['a key starting with aliyun', { 'Tag.1.Key': 'aliyun-owner' }, 'InvalidParameter.Tag'],
    ['a value holding a URL', { 'Tag.1.Value': 'see https://example.test' }, 'InvalidParameter.Tag'],
    ['a key of 129 characters', { 'Tag.1.Key': 'k'.repeat(129) }, 'InvalidParameter.Tag'],
    ['Tag.2 without Tag.1', { 'Tag.1.Key': '', 'Tag.2.Key': 'x' }, 'InvalidParameter.Tag'],
    ['an unknown field', { Tags: 'x' }, 'InvalidParameter.Tags']
  ]
  it.each(refusals)('TagResources refuses %s', async (_what, change, code) => {
    const id = runningMesh(lifecycle.emulator)
    const query: Record<string, string> = { ...target(id), 'Tag.1.Key': 'k', 'Tag.1.Value': 'v', ...change }
    for (const [name, value] of Object.entries(query)) if (value === '') delete query[name]
    expect(await refusal(lifecycle.emulator, 'TagResources', { query })).toEqual({ code, statusCode: 400 })
    expect(await listedTags(id)).toEqual([])
  })

  it('holds every field to the query, and the mesh to its region', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator)
    const { RegionId, ...inBody }: Record<string, string> = {
      ...target(id),
      'Tag.1.Key': 'k',
      'Tag.1.Value': 'v'
    }
    expect(await refusal(emulator, 'TagResources', { query: { RegionId }, body: inBody })).toEqual({
      code: 'InvalidParameter.ResourceType',
      statusCode: 400
    })
    const elsewhere = { ...target(id), RegionId: 'cn-beijing', 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' }
    expect(await refusal(emulator, 'TagResources', { query: elsewhere })).toEqual({
      code: 'ServiceMesh.NotFound',
      statusCode: 404
    })
    expect(
      await refusal(emulator, 'UntagResources', { query: { ...target(id), 'TagKey.1': 'x'.repeat(65) } })
    ).toEqual({ code: 'InvalidParameter.TagKey', statusCode: 400 })
  })

  it('setTags replaces the tags behind the action’s back, without a call', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' })
    const calls = emulator.calls.length
    emulator.lifecycle.setTags(id, { owner: 'someone-else' })
    expect(emulator.calls.length).toBe(calls)
    expect(await listedTags(id)).toEqual([{ Key: 'owner', Value: 'someone-else' }])
  })

  it('refuses tags for a mesh that is not running', async () => {
    const id = runningMesh(lifecycle.emulator)
    lifecycle.emulator.setMeshState(id, 'updating')
    expect(
      await refusal(lifecycle.emulator, 'TagResources', {
        query: { ...target(id), 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' }
      })
    ).toEqual({ code: 'InvalidOperation.NotRunning', statusCode: 400 })
  })
})

describe('ListTagResources', () => {
  it('lists {ResourceId, ResourceType, TagKey, TagValue} in pages until NextToken is empty', async () => {
    const first = runningMesh(lifecycle.emulator)
    const second = runningMesh(lifecycle.emulator)
    await tag(first, { a: '1', b: '2' })
    await tag(second, { c: '3', d: '4' })
    const pages = await tagPages(target(first, second))
    expect(pages.map(page => page.length)).toEqual([3, 1])
    expect(pages.flat()).toEqual([
      { ResourceId: first, ResourceType: 'servicemesh', TagKey: 'a', TagValue: '1' },
      { ResourceId: first, ResourceType: 'servicemesh', TagKey: 'b', TagValue: '2' },
      { ResourceId: second, ResourceType: 'servicemesh', TagKey: 'c', TagValue: '3' },
      { ResourceId: second, ResourceType: 'servicemesh', TagKey: 'd', TagValue: '4' }
    ])
    const filtered = await tagPages({ ...target(first, second), 'Tag.1.Key': 'c', 'Tag.1.Value': '3' })
    expect(filtered.flat()).toEqual([
      { ResourceId: second, ResourceType: 'servicemesh', TagKey: 'c', TagValue: '3' }
    ])
  })

  it('refuses a NextToken it did not give, and a missing ResourceType', async () => {
    const { emulator } = lifecycle
    expect(
      await refusal(emulator, 'ListTagResources', { query: { ...target(), NextToken: 'page-2' } })
    ).toEqual({
      code: 'InvalidParameter.NextToken',
      statusCode: 400
    })
    expect(await refusal(emulator, 'ListTagResources', { query: { RegionId: REGION } })).toEqual({
      code: 'MissingParameter.ResourceType',
      statusCode: 400
    })
  })
})
