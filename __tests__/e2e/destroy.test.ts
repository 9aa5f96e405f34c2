/**
 * Preview environments (docs/contract.md §7.3) end to end: the bundle against the cloud and GitHub
 * emulators, with the preview spec (examples/preview.yaml) named after the pull request and the state key
 * given per pull request, as examples/workflows/preview.yml does.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { runScenario, SPEC_FILE, startWorld, stateOnBranch, type World } from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, REPO_ROOT, type RunResult } from '../support/runner.js'

const PR = 42
const NAME = `preview-${PR}`
const STATE_KEY = `preview/pr-${PR}`
const PREVIEW = readFileSync(path.join(REPO_ROOT, 'examples', 'preview.yaml'), 'utf8')
const node = NODE_VERSIONS[NODE_VERSIONS.length - 1].bin

const event = (action: string) => ({
  name: 'pull_request',
  payload: {
    action,
    number: PR,
    pull_request: { number: PR, head: { ref: 'feature' }, base: { ref: 'main' } }
  }
})

interface StateWithTombstone {
  current?: { meshId: string }
  pending?: { operation?: string; meshId?: string; outcome?: string }
  tombstone?: { meshId: string; name: string; outcome: string; time: string; requestId: string }
  history: { meshId: string; name: string }[]
}
const state = (world: World) =>
  stateOnBranch(world, STATE_KEY)?.document as unknown as StateWithTombstone | undefined

async function preview(
  world: World,
  mode: 'apply' | 'destroy',
  options: { spec?: string; with?: Record<string, string | number | boolean> } = {}
): Promise<RunResult> {
  const workspace = await createWorkspace({ [SPEC_FILE]: options.spec ?? PREVIEW })
  try {
    return await runScenario(world, {
      workspace,
      node,
      with: { mode, 'state-key': STATE_KEY, ...options.with },
      env: { PR_NUMBER: String(PR) },
      event: event(mode === 'destroy' ? 'closed' : 'opened')
    })
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
}

const notices = (result: RunResult) =>
  result.annotations.filter(a => a.level === 'notice').map(a => a.message)
const errors = (result: RunResult) => result.annotations.filter(a => a.level === 'error').map(a => a.message)

describe('a pull request opened, then closed', () => {
  let world: World
  let opened: RunResult
  let closed: RunResult
  let again: RunResult
  let reopened: RunResult
  let meshId: string
  let afterClose: StateWithTombstone | undefined

  beforeAll(async () => {
    world = await startWorld()
    // Another pull request's mesh in the same region: never touched.
    world.cloud.addMesh({ name: 'preview-41', region: 'cn-hangzhou' })
    opened = await preview(world, 'apply')
    meshId = opened.outputs['service-mesh-id']
    closed = await preview(world, 'destroy')
    afterClose = state(world)
    again = await preview(world, 'destroy')
    reopened = await preview(world, 'apply', { with: { wait: false } })
  })
  afterAll(() => world.stop())

  it('the apply creates preview-<n> under the per-PR state key', () => {
    expect(opened.exitCode).toBe(0)
    expect(opened.outputs.created).toBe('true')
    expect(opened.outputs['mesh-state']).toBe('running')
    expect(world.cloud.callsTo('CreateServiceMesh')[0].body.Name).toBe(NAME)
  })

  it('the destroy deletes exactly that mesh, waits until it is gone and outputs deleted=true', () => {
    expect(closed.exitCode).toBe(0)
    expect(closed.failures).toEqual([])
    const deletes = world.cloud.callsTo('DeleteServiceMesh')
    expect(deletes.map(c => [c.body.ServiceMeshId, c.status])).toEqual([[meshId, 200]])
    expect(deletes[0].body).not.toHaveProperty('Force')
    expect(deletes[0].body).not.toHaveProperty('RetainResources')
    expect(world.cloud.lifecycle.deleted.map(d => d.mesh.id)).toEqual([meshId])
    expect(closed.outputs).toMatchObject({ decision: 'delete', deleted: 'true', 'service-mesh-id': meshId })
    // request-id is CreateServiceMesh's (docs/contract.md §3): the delete's is in the tombstone.
    expect(closed.outputs['request-id'] ?? '').toBe('')
    expect(closed.groups).toContain(`Waiting for mesh ${meshId} to be gone`)
    expect(closed.stdout).not.toMatch(/ServiceMesh\.NotFound/)
    expect(world.cloud.meshes.map(m => m.name)).toContain('preview-41')
  })

  it('records a tombstone, keeping the deleted record in the history', () => {
    expect(afterClose).toMatchObject({
      tombstone: {
        meshId,
        name: NAME,
        outcome: 'deleted',
        requestId: expect.stringMatching(/^[0-9A-F-]{36}$/)
      },
      history: [{ meshId, name: NAME }]
    })
    expect(afterClose?.current).toBeUndefined()
    expect(afterClose?.pending).toBeUndefined()
  })

  it('says in the job summary and on the pull request what was deleted and when', () => {
    expect(closed.summary).toMatch(new RegExp(`Deleted mesh \`${meshId}\`: gone at \\d{4}-\\d\\d-\\d\\dT`))
    // One sticky comment: the second destroy, with nothing to delete, leaves it as it is.
    expect(world.github.comments.map(c => c.issue)).toEqual([PR])
    expect(world.github.comments[0].body).toContain('Service mesh destroy for `preview/pr-42`')
    expect(world.github.comments[0].body).toMatch(new RegExp(`Deleted mesh \`${meshId}\`: gone at \\d{4}-`))
  })

  it('a second destroy exits 0 with a notice that there was nothing to delete', () => {
    expect(again.exitCode).toBe(0)
    expect(notices(again).some(n => /^Nothing to delete: mesh \S+ was destroyed at /.test(n))).toBe(true)
    expect(again.outputs).toMatchObject({ decision: 'none', deleted: 'false' })
    expect(world.cloud.callsTo('DeleteServiceMesh')).toHaveLength(1)
  })

  it('after the tombstone, the next apply creates a new mesh', () => {
    expect(reopened.exitCode).toBe(0)
    expect(reopened.outputs.created).toBe('true')
    expect(reopened.outputs['service-mesh-id']).not.toBe(meshId)
    expect(state(world)?.current?.meshId).toBe(reopened.outputs['service-mesh-id'])
    expect(state(world)?.tombstone).toBeUndefined()
  })
})

describe('destroy refusals', () => {
  let world: World
  beforeEach(async () => {
    world = await startWorld()
  })
  afterEach(() => world.stop())

  it('with no record deletes nothing, even when a mesh has the spec name', async () => {
    const existing = world.cloud.addMesh({ name: NAME, region: 'cn-hangzhou' })
    const result = await preview(world, 'destroy')

    expect(result.exitCode).toBe(0)
    expect(notices(result)).toContain('Nothing to delete: no mesh is recorded under this state key.')
    expect(result.outputs).toMatchObject({ decision: 'none', deleted: 'false' })
    expect(world.cloud.callsTo('DeleteServiceMesh')).toEqual([])
    expect(world.cloud.callsTo('DescribeServiceMeshes')).toEqual([])
    expect(world.cloud.meshes.map(m => m.id)).toEqual([existing.id])
  })

  it('refuses with lifecycle.preventDestroy: true and deletes nothing', async () => {
    const spec = `${PREVIEW}lifecycle:\n  preventDestroy: true\n`
    const applied = await preview(world, 'apply', { spec, with: { wait: false } })
    const meshId = applied.outputs['service-mesh-id']
    const recorded = stateOnBranch(world, STATE_KEY)!.text
    const result = await preview(world, 'destroy', { spec })

    expect(result.exitCode).toBe(1)
    expect(errors(result)).toEqual([
      expect.stringContaining(`the spec sets lifecycle.preventDestroy: true; mesh ${meshId} was not deleted`)
    ])
    expect(result.outputs).toMatchObject({ decision: 'refuse', deleted: 'false' })
    expect(world.cloud.callsTo('DeleteServiceMesh')).toEqual([])
    expect(world.cloud.meshes.map(m => m.id)).toEqual([meshId])
    expect(stateOnBranch(world, STATE_KEY)!.text).toBe(recorded)
  })

  it('fails naming a foreign cluster and changes nothing', async () => {
    const applied = await preview(world, 'apply')
    const meshId = applied.outputs['service-mesh-id']
    world.cloud.lifecycle.attachCluster(meshId, 'c-someone-elses')
    const recorded = stateOnBranch(world, STATE_KEY)!.text
    const result = await preview(world, 'destroy')

    expect(result.exitCode).toBe(1)
    expect(errors(result)).toEqual([expect.stringContaining('c-someone-elses')])
    expect(world.cloud.callsTo('RemoveClusterFromServiceMesh')).toEqual([])
    expect(world.cloud.callsTo('DeleteServiceMesh')).toEqual([])
    expect(world.cloud.lifecycle.clustersOf(meshId)).toEqual(['c-someone-elses'])
    expect(stateOnBranch(world, STATE_KEY)!.text).toBe(recorded)
  })
})

describe("the spec's own guestCluster", () => {
  let world: World
  let result: RunResult
  let meshId: string

  beforeAll(async () => {
    world = await startWorld()
    const spec = PREVIEW.replace('region: cn-hangzhou', 'region: cn-hangzhou\nguestCluster: c-preview')
    const applied = await preview(world, 'apply', { spec })
    meshId = applied.outputs['service-mesh-id']
    result = await preview(world, 'destroy', { spec })
  })
  afterAll(() => world.stop())

  it('is detached first, then the mesh is deleted', () => {
    expect(result.exitCode).toBe(0)
    const actions = world.cloud.calls
      .map(c => c.action)
      .filter(a => a === 'RemoveClusterFromServiceMesh' || a === 'DeleteServiceMesh')
    expect(actions).toEqual(['RemoveClusterFromServiceMesh', 'DeleteServiceMesh'])
    expect(world.cloud.callsTo('RemoveClusterFromServiceMesh')[0].body).toMatchObject({
      ServiceMeshId: meshId,
      ClusterId: 'c-preview'
    })
    expect(world.cloud.lifecycle.deleted.map(d => d.mesh.id)).toEqual([meshId])
    expect(result.outputs).toMatchObject({ decision: 'delete', deleted: 'true' })
  })
})

/**
 * A deletion takes 20 s of emulator time here: long enough that the first destroy stops while the mesh
 * is deleting, and that the next one, started right after, still finds it deleting and waits it out.
 */
describe('a destroy interrupted', () => {
  let world: World
  beforeEach(async () => {
    world = await startWorld({ cloud: { lifecycle: { deleteMs: 20_000 } } })
  })
  afterEach(() => world.stop())

  /** The next destroy takes over the lock, sends no second delete, waits and records the tombstone. */
  async function expectNextDestroyCompletes(meshId: string): Promise<void> {
    const next = await preview(world, 'destroy')
    expect(next.exitCode).toBe(0)
    expect(next.stdout).toContain(`Mesh ${meshId} is already deleting`)
    expect(next.outputs).toMatchObject({ decision: 'delete', deleted: 'true', 'service-mesh-id': meshId })
    expect(world.cloud.callsTo('DeleteServiceMesh')).toHaveLength(1)
    expect(world.cloud.lifecycle.deleted.map(d => d.mesh.id)).toEqual([meshId])
    expect(state(world)).toMatchObject({ tombstone: { meshId, outcome: 'deleted' }, history: [{ meshId }] })
    expect(state(world)?.pending).toBeUndefined()
    expect(state(world)?.current).toBeUndefined()
  }

  it('by cancellation while waiting: an apply refuses meanwhile, the next destroy completes it', async () => {
    const meshId = (await preview(world, 'apply')).outputs['service-mesh-id']
    const workspace = await createWorkspace({ [SPEC_FILE]: PREVIEW })
    const cancelled = await runScenario(world, {
      workspace,
      node,
      with: { mode: 'destroy', 'state-key': STATE_KEY },
      env: { PR_NUMBER: String(PR) },
      event: event('closed'),
      sendSignal: { signal: 'SIGTERM', whenLine: /^\d+s: deleting$/ }
    })
    await rm(workspace, { recursive: true, force: true })

    expect(cancelled.exitCode).toBe(1)
    expect(errors(cancelled)).toEqual([expect.stringContaining(`Cancelled while waiting for mesh ${meshId}`)])
    expect(state(world)).toMatchObject({
      current: { meshId },
      pending: { operation: 'delete', meshId, outcome: 'unknown' }
    })
    // Meanwhile an apply refuses rather than keep, adopt or replace a mesh that is deleting.
    const blocked = await preview(world, 'apply', { with: { wait: false } })
    expect(blocked.exitCode).toBe(1)
    expect(errors(blocked)).toEqual([expect.stringContaining(`started deleting mesh ${meshId}`)])
    expect(world.cloud.callsTo('CreateServiceMesh')).toHaveLength(1)

    await expectNextDestroyCompletes(meshId)
  })

  it('by a timeout while deleting: the next destroy waits for the same deletion', async () => {
    const meshId = (await preview(world, 'apply')).outputs['service-mesh-id']
    const first = await preview(world, 'destroy', { with: { 'wait-timeout-seconds': 6 } })
    expect(first.exitCode).toBe(1)
    expect(errors(first)).toEqual([expect.stringContaining(`Mesh ${meshId} still exists after 6 s`)])
    expect(state(world)?.pending).toMatchObject({ operation: 'delete', meshId, outcome: 'unknown' })

    await expectNextDestroyCompletes(meshId)
  })
})

describe('a 5xx after DeleteServiceMesh was applied', () => {
  let world: World
  afterAll(() => world.stop())

  it('is never sent again: the mesh is described, found deleting, waited for and recorded', async () => {
    world = await startWorld()
    const meshId = (await preview(world, 'apply')).outputs['service-mesh-id']
    world.cloud.inject({ kind: 'status', status: 503, action: 'DeleteServiceMesh', afterProcessing: true })
    const result = await preview(world, 'destroy')

    expect(result.exitCode).toBe(0)
    expect(world.cloud.callsTo('DeleteServiceMesh').map(c => c.status)).toEqual([503])
    expect(world.cloud.lifecycle.deleted.map(d => d.mesh.id)).toEqual([meshId])
    expect(result.outputs).toMatchObject({ decision: 'delete', deleted: 'true' })
    expect(state(world)).toMatchObject({
      tombstone: { meshId, outcome: 'deleted', requestId: expect.any(String) }
    })

    const again = await preview(world, 'destroy')
    expect(again.exitCode).toBe(0)
    expect(again.outputs.decision).toBe('none')
    expect(world.cloud.callsTo('DeleteServiceMesh')).toHaveLength(1)
  })
})
