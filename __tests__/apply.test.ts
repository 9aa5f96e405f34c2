import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { apply, type ApplyInput } from '../src/apply.js'
import type { CreateResult, MeshApi } from '../src/cloud/types.js'
import { CloudCallError } from '../src/cloud/failure.js'
import { silentLog } from '../src/log.js'
import type { RunContext } from '../src/settings.js'
import type { MeshRequest } from '../src/meshspec/request.js'
import { createFileStore } from '../src/state/file-store.js'
import { StateConflictError, type StateStore } from '../src/state/store.js'
import { FakeCloud, RUN } from './support/fake-cloud.js'

const request: MeshRequest = {
  name: 'prod',
  region: 'cn-hangzhou',
  query: {},
  body: { RegionId: 'cn-hangzhou', Name: 'prod', VpcId: 'vpc-a', VSwitches: '["vsw-a"]' },
  parameters: [
    { parameter: 'Name', path: 'name', wire: 'prod', comparable: 'prod', secret: false },
    { parameter: 'RegionId', path: 'region', wire: 'cn-hangzhou', comparable: 'cn-hangzhou', secret: false }
  ]
}

/** A CreateServiceMesh failure as the client reports it: refused for certain, or of unknown outcome. */
const refusal = (code: string, outcomeUnknown: boolean) =>
  new CloudCallError(
    {
      api: 'CreateServiceMesh',
      kind: outcomeUnknown ? 'network' : 'client',
      code,
      message: code,
      retryable: false,
      outcomeUnknown
    },
    1,
    'servicemesh.aliyuncs.com'
  )

const run = (runId: string): RunContext => ({ ...RUN, runId })

let workspace: string
let store: StateStore
beforeEach(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'apply-'))
  store = createFileStore({ workspace, path: 'state.json' })
})
afterEach(() => rm(workspace, { recursive: true, force: true }))

const input = (runId: string, overrides: Partial<ApplyInput['settings']> = {}): ApplyInput => ({
  settings: {
    adoptExisting: true,
    onChange: 'fail',
    run: run(runId),
    wait: true,
    waitTimeoutSeconds: 60,
    ...overrides
  },
  stateKey: 'cn-hangzhou/prod',
  request
})
const deps = (cloud: MeshApi) => ({
  store,
  mesh: cloud,
  log: silentLog,
  clock: { sleep: () => new Promise<void>(r => setTimeout(r, 5)) }
})

describe('apply', () => {
  it('creates, records before returning, and clears the lock', async () => {
    const cloud = new FakeCloud()
    const seen: string[] = []
    const result = await apply(input('1'), {
      ...deps(cloud),
      onProgress: settled => seen.push(settled.mesh?.id ?? '')
    })
    expect(result).toMatchObject({ created: true, mesh: { id: 'mesh-1' }, requestId: 'REQ-1' })
    expect(seen).toEqual(['mesh-1'])
    const { document } = await store.read()
    expect(document?.current).toMatchObject({
      meshId: 'mesh-1',
      requestId: 'REQ-1',
      origin: 'created',
      runId: '1'
    })
    expect(document?.pending).toBeUndefined()
  })

  it('a re-run keeps the mesh and creates nothing', async () => {
    const cloud = new FakeCloud()
    await apply(input('1'), deps(cloud))
    const again = await apply(input('2'), deps(cloud))
    expect(again).toMatchObject({ created: false, mesh: { id: 'mesh-1' }, decision: { action: 'keep' } })
    expect(cloud.creates).toBe(1)
  })

  it('decides on the state already read for the plan: a re-run reads the state once', async () => {
    const cloud = new FakeCloud()
    await apply(input('1'), deps(cloud))
    let reads = 0
    const counting: StateStore = {
      ...store,
      description: store.description,
      read: () => (reads++, store.read())
    }
    const initial = await store.read()
    const callsBefore = cloud.calls
    const again = await apply({ ...input('2'), initial }, { ...deps(cloud), store: counting })
    expect(again.decision.action).toBe('keep')
    expect(reads).toBe(0)
    expect(cloud.calls - callsBefore).toBe(1) // one DescribeServiceMeshDetail
  })

  it('two applies racing on one state key create one mesh', async () => {
    const cloud = new FakeCloud()
    const results = await Promise.all([apply(input('1'), deps(cloud)), apply(input('2'), deps(cloud))])
    expect(cloud.creates).toBe(1)
    expect(results.map(r => r.mesh?.id)).toEqual(['mesh-1', 'mesh-1'])
    expect(results.filter(r => r.created)).toHaveLength(1)
  })

  it('a create that failed for certain leaves no lock behind', async () => {
    const cloud = new FakeCloud()
    cloud.failNextCreate = refusal('InvalidParameter.VpcId', false)
    await expect(apply(input('1'), deps(cloud))).rejects.toThrow('InvalidParameter.VpcId')
    expect((await store.read()).document?.pending).toBeUndefined()
    const retry = await apply(input('2'), deps(cloud))
    expect(retry).toMatchObject({ created: true, mesh: { id: 'mesh-2' } })
  })

  it('after a create of unknown outcome the next run looks before creating, even without adoption', async () => {
    const cloud = new FakeCloud()
    cloud.failNextCreate = refusal('ECONNRESET', true)
    await expect(apply(input('1'), deps(cloud))).rejects.toThrow('ECONNRESET')
    expect((await store.read()).document?.pending).toMatchObject({ runId: '1', outcome: 'unknown' })
    // The create went through after all, and the mesh shows up in the list now.
    cloud.meshes.push({ id: 'late', name: 'prod', region: 'cn-hangzhou', state: 'running' })
    const next = await apply(input('2', { adoptExisting: false }), deps(cloud))
    expect(next).toMatchObject({ created: false, mesh: { id: 'late' }, decision: { action: 'adopt' } })
    expect(cloud.creates).toBe(1)
  })

  it("does not wait for an earlier attempt's entry of the same run: a re-run starts after it ended", async () => {
    const cloud = new FakeCloud()
    cloud.meshes.push({ id: 'made', name: 'prod', region: 'cn-hangzhou', state: 'running' })
    const since = new Date().toISOString()
    const pending = { runId: '7', runAttempt: '1', actor: 'x', since, name: 'prod', region: 'cn-hangzhou' }
    await store.write(
      { schemaVersion: 1, stateKey: 'cn-hangzhou/prod', history: [], pending },
      undefined,
      'lock'
    )
    const rerun = input('7', { adoptExisting: false, run: { ...run('7'), runAttempt: '2' } })
    const sleeps: number[] = []
    const result = await apply(rerun, { ...deps(cloud), clock: { sleep: async ms => void sleeps.push(ms) } })
    expect(result).toMatchObject({ mesh: { id: 'made' }, decision: { action: 'adopt' } })
    expect(sleeps).toEqual([])
  })

  it('adopts the mesh an abandoned run created but did not record', async () => {
    const cloud = new FakeCloud()
    cloud.meshes.push({ id: 'orphan', name: 'prod', region: 'cn-hangzhou', state: 'running' })
    await store.write(
      {
        schemaVersion: 1,
        stateKey: 'cn-hangzhou/prod',
        history: [],
        pending: {
          runId: '0',
          runAttempt: '1',
          actor: 'x',
          since: '2020-01-01T00:00:00.000Z',
          name: 'prod',
          region: 'cn-hangzhou'
        }
      },
      undefined,
      'abandoned'
    )
    const result = await apply(input('1', { adoptExisting: false }), deps(cloud))
    expect(result).toMatchObject({ created: false, mesh: { id: 'orphan' }, decision: { action: 'adopt' } })
    expect(cloud.creates).toBe(0)
    expect((await store.read()).document?.pending).toBeUndefined()
  })
})

describe('apply while another run is creating', () => {
  it('stops waiting when the job is cancelled, and creates nothing', async () => {
    const cloud = new FakeCloud()
    const since = new Date().toISOString()
    const pending = { runId: '9', runAttempt: '1', actor: 'x', since, name: 'prod', region: 'cn-hangzhou' }
    await store.write(
      { schemaVersion: 1, stateKey: 'cn-hangzhou/prod', history: [], pending },
      undefined,
      'lock'
    )
    const controller = new AbortController()
    const sleep = async () => void controller.abort(new Error('SIGTERM'))
    await expect(
      apply(input('1'), { ...deps(cloud), clock: { sleep }, signal: controller.signal })
    ).rejects.toThrow(
      /Cancelled while run 9 was creating the mesh for cn-hangzhou\/prod; nothing was created by this run/
    )
    expect(cloud.calls).toBe(0)
  })
})

describe('every way out of a create leaves its pending entry right', () => {
  it('a same-name mesh that existed before the send is listed in the entry and never taken for the new one', async () => {
    const cloud = new FakeCloud()
    cloud.meshes.push({ id: 'foreign', name: 'prod', region: 'cn-hangzhou', state: 'running' })
    cloud.failNextCreate = refusal('ECONNRESET', true)
    await expect(apply(input('1', { adoptExisting: false }), deps(cloud))).rejects.toThrow('ECONNRESET')
    expect((await store.read()).document?.pending).toMatchObject({
      existing: ['foreign'],
      outcome: 'unknown'
    })

    // The create did not happen: the next run finds only the foreign mesh, and creates instead of adopting it.
    const next = await apply(input('2', { adoptExisting: false }), deps(cloud))
    expect(next).toMatchObject({ created: true, mesh: { id: 'mesh-2' }, decision: { action: 'create' } })
    expect((await store.read()).document?.current?.meshId).toBe('mesh-2')
  })

  it('an exception from the create marks the entry unknown, it never stays a live lock', async () => {
    const cloud = new FakeCloud()
    cloud.failNextCreate = new TypeError('a bug')
    await expect(apply(input('1'), deps(cloud))).rejects.toThrow('a bug')
    expect((await store.read()).document?.pending).toMatchObject({ runId: '1', outcome: 'unknown' })
  })

  it('a cancellation during the create marks the entry unknown at once, then records the mesh when it answers', async () => {
    const controller = new AbortController()
    const cloud = new (class extends FakeCloud {
      override async create(req: MeshRequest): Promise<CreateResult> {
        controller.abort(new Error('SIGTERM'))
        // The runner kills the step about 10 s after the signal: the entry must say "unknown" by then.
        await new Promise(r => setTimeout(r, 50))
        return super.create(req)
      }
    })()
    const seen: string[] = []
    const watching: StateStore = {
      description: store.description,
      read: () => store.read(),
      siblings: () => store.siblings(),
      write: (document, expected, message) => {
        seen.push(document.current ? 'recorded' : (document.pending?.outcome ?? 'lock'))
        return store.write(document, expected, message)
      }
    }
    const result = await apply(input('1'), { ...deps(cloud), store: watching, signal: controller.signal })
    expect(result).toMatchObject({ created: true, mesh: { id: 'mesh-1' } })
    expect(seen).toEqual(['lock', 'unknown', 'recorded'])
    expect((await store.read()).document?.pending).toBeUndefined()
  })

  it('a cancellation while the lock is written sends nothing and removes the lock', async () => {
    const cloud = new FakeCloud()
    const controller = new AbortController()
    const aborting: StateStore = {
      description: store.description,
      read: () => store.read(),
      siblings: () => store.siblings(),
      write: async (document, expected, message) => {
        const written = await store.write(document, expected, message)
        controller.abort(new Error('SIGTERM'))
        return written
      }
    }
    await expect(
      apply(input('1'), { ...deps(cloud), store: aborting, signal: controller.signal })
    ).rejects.toThrow('Cancelled before CreateServiceMesh was sent; nothing was created.')
    expect(cloud.creates).toBe(0)
    expect((await store.read()).document?.pending).toBeUndefined()
  })

  it('recognises its own entry after a write that was applied but reported as a conflict, and goes on', async () => {
    const cloud = new FakeCloud()
    let first = true
    const flaky: StateStore = {
      description: store.description,
      read: () => store.read(),
      siblings: () => store.siblings(),
      write: async (document, expected, message) => {
        const written = await store.write(document, expected, message)
        if (first && document.pending) {
          first = false
          throw new StateConflictError('applied, but answered as a conflict')
        }
        return written
      }
    }
    const sleeps: number[] = []
    const result = await apply(input('1'), {
      ...deps(cloud),
      store: flaky,
      clock: { sleep: async ms => void sleeps.push(ms) }
    })
    expect(result).toMatchObject({ created: true, mesh: { id: 'mesh-1' } })
    expect(sleeps).toEqual([])
    expect(cloud.creates).toBe(1)
  })

  it('clears an abandoned entry whose create made no mesh, then decides as usual', async () => {
    const cloud = new FakeCloud()
    const pending = {
      runId: '0',
      runAttempt: '1',
      actor: 'x',
      since: '2020-01-01T00:00:00.000Z',
      name: 'prod',
      region: 'cn-hangzhou',
      existing: [],
      outcome: 'unknown' as const
    }
    await store.write(
      { schemaVersion: 1, stateKey: 'cn-hangzhou/prod', history: [], pending },
      undefined,
      'old'
    )
    const result = await apply(input('1', { adoptExisting: false }), deps(cloud))
    expect(result).toMatchObject({ created: true, mesh: { id: 'mesh-1' } })
    expect((await store.read()).document?.pending).toBeUndefined()
  })
})
