/**
 * The destroy decision as a pure function, and destroy against apply on one state record (the file
 * store, a fake cloud): the lock keeps a tombstone off a live mesh and the mesh of a create recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { apply } from '../src/apply.js'
import { CloudCallError } from '../src/cloud/failure.js'
import { decideDestroy, destroy, destroyReads, type DestroyDeps, type DestroyFacts } from '../src/destroy.js'
import { ActionError } from '../src/errors.js'
import { silentLog } from '../src/log.js'
import type { MeshRequest } from '../src/meshspec/request.js'
import {
  emptyStateDocument,
  parseStateDocument,
  serialiseStateDocument,
  withCurrentRecord,
  withTombstone
} from '../src/state/document.js'
import { createFileStore } from '../src/state/file-store.js'
import type { PendingCreate, Tombstone } from '../src/state/record.js'
import type { StateStore } from '../src/state/store.js'
import { recordingLog } from './cloud/fakes.js'
import { FakeCloud, RUN } from './support/fake-cloud.js'
import { record } from './state/fixtures.js'

const mesh = (clusters: string[] = [], state = 'running') => ({
  id: 'm-1',
  name: 'prod-mesh',
  region: 'cn-hangzhou',
  state,
  clusters
})
/** A tombstone as a destroy writes it, from a record. */
function tombstoneOf(meshId: string, time = '2026-02-03T04:05:06.000Z'): Tombstone {
  const { origin: _origin, parameters: _parameters, ...rest } = record({ meshId })
  return { ...rest, requestId: 'R', outcome: 'deleted', time }
}
const facts = (more: Partial<DestroyFacts> = {}): DestroyFacts => ({
  record: record({ meshId: 'm-1' }),
  preventDestroy: false,
  existing: mesh(),
  ...more
})

describe('decideDestroy', () => {
  it('deletes the recorded mesh, and only reads the cloud when there is one to delete', () => {
    expect(decideDestroy(facts())).toMatchObject({ action: 'delete', meshId: 'm-1' })
    expect(destroyReads({ record: undefined, preventDestroy: false })).toBe(false)
    expect(destroyReads({ record: record(), preventDestroy: true })).toBe(false)
    expect(destroyReads({ record: record(), preventDestroy: false })).toBe(true)
  })

  it('has nothing to delete without a record, after a tombstone, or when the mesh is gone', () => {
    expect(decideDestroy({ preventDestroy: false })).toEqual({
      action: 'none',
      reason: 'no mesh is recorded under this state key'
    })
    const tombstone = tombstoneOf('m-0')
    expect(decideDestroy({ preventDestroy: false, tombstone })).toMatchObject({
      action: 'none',
      reason: 'mesh m-0 was destroyed at 2026-02-03T04:05:06.000Z'
    })
    expect(decideDestroy(facts({ existing: null }))).toMatchObject({ action: 'none', meshId: 'm-1' })
  })

  it('refuses with preventDestroy, and with a cluster the spec does not attach', () => {
    expect(decideDestroy(facts({ preventDestroy: true, existing: undefined }))).toMatchObject({
      action: 'fail',
      reason: 'the spec sets lifecycle.preventDestroy: true; mesh m-1 was not deleted'
    })
    const foreign = decideDestroy(facts({ guestCluster: 'c-own', existing: mesh(['c-own', 'c-a', 'c-b']) }))
    expect(foreign).toMatchObject({ action: 'fail' })
    expect(foreign.reason).toContain('the spec does not attach: c-a, c-b')
  })

  it("detaches the spec's own guestCluster first", () => {
    expect(decideDestroy(facts({ guestCluster: 'c-own', existing: mesh(['c-own']) }))).toMatchObject({
      action: 'delete',
      detach: 'c-own'
    })
    expect(decideDestroy(facts({ guestCluster: 'c-own', existing: mesh([]) }))).not.toHaveProperty('detach')
  })
})

describe('the tombstone in the state document', () => {
  it('replaces the current record, which heads the history, and the next record clears it', () => {
    const before = { ...emptyStateDocument('k'), current: record({ meshId: 'm-1' }) }
    const dead = withTombstone(before, tombstoneOf('m-1'))
    expect(dead.current).toBeUndefined()
    expect(dead.history.map(r => r.meshId)).toEqual(['m-1'])
    const text = serialiseStateDocument(dead)
    expect(parseStateDocument(text, { description: 'test', reset: 'reset' })).toEqual(dead)
    const next = withCurrentRecord(dead, record({ meshId: 'm-2' }))
    expect(next.tombstone).toBeUndefined()
    expect(next.history.map(r => r.meshId)).toEqual(['m-1'])
  })
})

const request: MeshRequest = {
  name: 'prod-mesh',
  region: 'cn-hangzhou',
  query: {},
  body: { RegionId: 'cn-hangzhou', Name: 'prod-mesh', VpcId: 'vpc-a', VSwitches: '["vsw-a"]' },
  parameters: [],
  lifecycle: { preventDestroy: false }
}

describe('destroy and apply on one state key', () => {
  let workspace: string
  let store: StateStore
  let cloud: FakeCloud
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'destroy-'))
    store = createFileStore({ workspace, path: 'state.json' })
    cloud = new FakeCloud()
  })
  afterEach(() => rm(workspace, { recursive: true, force: true }))

  const deps = (more: Partial<DestroyDeps> = {}) => ({
    store,
    mesh: cloud,
    log: silentLog,
    clock: { sleep: () => new Promise<void>(r => setTimeout(r, 5)) },
    ...more
  })
  const settings = (runId: string) => ({ run: { ...RUN, runId }, wait: true, waitTimeoutSeconds: 60 })
  const applyOnce = (runId: string) =>
    apply(
      { settings: { adoptExisting: true, onChange: 'fail', ...settings(runId) }, stateKey: 'k', request },
      deps()
    )
  const destroyOnce = (runId: string, more: Partial<DestroyDeps> = {}) =>
    destroy({ settings: settings(runId), stateKey: 'k', request }, deps(more))

  it('racing: the mesh ends recorded or tombstoned, never lost, and the next apply starts afresh', async () => {
    const [created, destroyed] = await Promise.all([applyOnce('1'), destroyOnce('2')])
    const { document } = await store.read()
    expect(document?.pending).toBeUndefined()
    if (destroyed.decision.action === 'delete') {
      // The destroy waited for the create's record, then deleted that mesh.
      expect(destroyed.mesh?.id).toBe(created.mesh?.id)
      expect(document?.tombstone?.meshId).toBe(created.mesh?.id)
      expect(cloud.meshes).toEqual([])
    } else {
      // The destroy went first, found nothing and left the create alone.
      expect(destroyed.decision.action).toBe('none')
      expect(document?.current?.meshId).toBe(created.mesh?.id)
      expect(cloud.meshes.map(m => m.id)).toEqual([created.mesh?.id])
    }
    const next = await applyOnce('3')
    expect(next.decision.action).toBe(destroyed.decision.action === 'delete' ? 'create' : 'keep')
  })

  it('an apply after a tombstone never adopts the deleted mesh, still listed while it deletes', async () => {
    await applyOnce('1')
    const deleting = { ...cloud.meshes[0] }
    await destroyOnce('2')
    cloud.meshes.push({ ...deleting, state: 'deleting' })
    const next = await applyOnce('3')
    expect(next.decision.action).toBe('create')
    expect(next.mesh?.id).not.toBe(deleting.id)
  })

  describe("a destroy's lock", () => {
    let meshId: string
    beforeEach(async () => {
      meshId = (await applyOnce('1')).mesh!.id
    })
    const pending = async () => (await store.read()).document?.pending

    /** The value once `check` holds, or after a second the last one, for the caller to assert on. */
    async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
      const deadline = Date.now() + 1000
      for (;;) {
        const value = await read()
        if (check(value) || Date.now() > deadline) return value
        await new Promise(r => setTimeout(r, 5))
      }
    }

    it('cancelled while a poll is still out: marked at once; an apply refuses, the next destroy finishes', async () => {
      const controller = new AbortController()
      let polled: () => void = () => undefined
      const polling = new Promise<void>(r => (polled = r))
      const waitUntilGone = cloud.waitUntilGone.bind(cloud)
      // A describe slow to answer does not see the cancellation; the runner kills the step ~10 s later.
      cloud.waitUntilGone = () => {
        polled()
        return new Promise<void>(() => undefined)
      }
      void destroyOnce('2', { signal: controller.signal }).catch(() => undefined)
      await polling
      controller.abort(new ActionError('Cancelled (SIGTERM).'))

      const marked = await eventually(pending, entry => entry?.outcome === 'unknown')
      expect(marked).toMatchObject({ operation: 'delete', meshId, runId: '2', outcome: 'unknown' })

      // Meanwhile an apply neither waits for the entry nor adopts the deleting mesh.
      await expect(applyOnce('3')).rejects.toThrow(`started deleting mesh ${meshId}`)
      expect(cloud.creates).toBe(1)

      cloud.waitUntilGone = waitUntilGone
      const log = recordingLog()
      await expect(destroyOnce('4', { log })).resolves.toMatchObject({
        decision: { action: 'delete', meshId }
      })
      expect(log.lines.join('\n')).not.toMatch(/waiting for it to record the result/)
      expect(log.lines).toContain(
        `info: Mesh ${meshId} is already deleting (an earlier destroy sent DeleteServiceMesh).`
      )
      expect(cloud.deletes).toBe(1)
      const { document } = await store.read()
      expect(document?.pending).toBeUndefined()
      expect(document?.tombstone).toMatchObject({ meshId, outcome: 'deleted' })
    })

    const refused = new CloudCallError(
      {
        api: 'DeleteServiceMesh',
        kind: 'client',
        code: 'ErrorPermitted.ClustersNotEmpty',
        message: 'has clusters',
        retryable: false,
        outcomeUnknown: false
      },
      1,
      'servicemesh.aliyuncs.com'
    )
    const ways: [string, (cloud: FakeCloud) => void, Partial<PendingCreate> | undefined][] = [
      [
        'the cloud refuses the delete: nothing was done, the entry goes',
        c => (c.deleteMesh = () => Promise.reject(refused)),
        undefined
      ],
      [
        'the delete breaks: marked',
        c => (c.deleteMesh = () => Promise.reject(new Error('socket hang up'))),
        { outcome: 'unknown' }
      ],
      [
        'the wait times out: marked',
        c => (c.waitUntilGone = () => Promise.reject(new ActionError('Mesh still exists after 60 s'))),
        { outcome: 'unknown' }
      ]
    ]
    it.each(ways)('%s', async (_, fault, entry) => {
      fault(cloud)
      await expect(destroyOnce('2')).rejects.toThrow()
      const after = (await store.read()).document
      expect(after?.current?.meshId).toBe(meshId)
      if (entry) expect(after?.pending).toMatchObject({ operation: 'delete', meshId, ...entry })
      else expect(after?.pending).toBeUndefined()
    })

    it('the tombstone cannot be written: marked, and the next destroy records the mesh gone', async () => {
      const failing: StateStore = {
        description: store.description,
        read: () => store.read(),
        siblings: () => store.siblings(),
        write: (document, expected, message) =>
          document.tombstone
            ? Promise.reject(new Error('GitHub gave no answer within 20 s'))
            : store.write(document, expected, message)
      }
      await expect(destroyOnce('2', { store: failing })).rejects.toThrow(/no answer/)
      expect(await pending()).toMatchObject({ operation: 'delete', meshId, outcome: 'unknown' })

      await expect(destroyOnce('3')).resolves.toMatchObject({ decision: { action: 'none', meshId } })
      expect((await store.read()).document).toMatchObject({ tombstone: { meshId, outcome: 'gone' } })
    })
  })
})
