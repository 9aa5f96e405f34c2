/**
 * At most one mesh per state key, whatever the cloud and GitHub do, end to end (the bundle against the
 * emulators). Durations of minutes (a create answered after 40 s, the look for a mesh after an unknown
 * outcome) run on the action's time scale (FAST); E2E_TIME_SCALE=1 runs them for real.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { REPOSITORY, startWorld, stateOnBranch, type World, type WorldOptions } from '../support/e2e.js'
import {
  expectCleanFailure,
  expectOneRecordedMesh,
  FAST,
  logOf,
  MINIMAL,
  run,
  SCALE,
  scaledMs,
  STATE_KEY,
  statuses,
  whenCalled
} from './e2e-helpers.js'

let world: World | undefined
async function begin(options: WorldOptions = {}): Promise<World> {
  world = await startWorld(options)
  return world
}
afterEach(() => world?.stop())

const CONTENTS = `/repos/${REPOSITORY}/contents/`
/** Long enough for the real durations when SCALE is 1, and for a loaded machine otherwise. */
const LONG = Math.max(60_000, 400_000 * SCALE)

describe('a CreateServiceMesh slower than before', () => {
  it(
    'answered after 40 s: waits for the answer instead of sending it again, one mesh',
    async () => {
      const w = await begin()
      w.cloud.inject({ kind: 'delay', ms: scaledMs(40_000), action: 'CreateServiceMesh' })
      const result = await run(w, { env: FAST, timeoutMs: LONG })

      expect(result.exitCode).toBe(0)
      expect(statuses(w, 'CreateServiceMesh')).toEqual([200])
      expect(result.outputs.created).toBe('true')
      expectOneRecordedMesh(w, result)
    },
    LONG + 10_000
  )

  it('answered 502 after it took effect, its mesh listed only 3 s later: looks until it shows, one mesh', async () => {
    // The list lag is real time: the earlier code looked once, 2 s after the failure, and created again.
    const w = await begin({ cloud: { listLagMs: 3000 } })
    w.cloud.inject({ kind: 'status', status: 502, action: 'CreateServiceMesh', afterProcessing: true })
    const result = await run(w, { env: FAST })

    expect(result.exitCode).toBe(0)
    expect(statuses(w, 'CreateServiceMesh')).toEqual([502])
    expect(logOf(result)).toMatch(/The mesh may exist now, so the create is not sent again/)
    expect(result.outputs.created).toBe('true')
    expectOneRecordedMesh(w, result)
  })
})

describe('adopt-existing: false and a same-name mesh that is not this run’s', () => {
  it('after an unknown outcome the foreign mesh is never recorded as created; the next run creates its own', async () => {
    const w = await begin()
    const foreign = w.cloud.addMesh({ name: 'dev-mesh', region: 'cn-hangzhou', state: 'running' })
    w.cloud.inject({ kind: 'reset', action: 'CreateServiceMesh' })
    const failed = await run(w, { env: FAST, with: { 'adopt-existing': false } })

    expectCleanFailure(failed, /CreateServiceMesh: the outcome is unknown/)
    expect(failed.outputs['service-mesh-id']).toBeUndefined()
    const state = stateOnBranch(w, STATE_KEY)?.document
    expect(state?.current).toBeUndefined()
    expect(state?.pending).toMatchObject({ existing: [foreign.id], outcome: 'unknown' })

    const again = await run(w, { env: FAST, with: { 'adopt-existing': false } })
    expect(again.exitCode).toBe(0)
    expect(w.cloud.meshes).toHaveLength(2)
    const own = w.cloud.meshes.find(mesh => mesh.id !== foreign.id)
    expect(again.outputs['service-mesh-id']).toBe(own?.id)
    expect(stateOnBranch(w, STATE_KEY)?.document.current?.meshId).toBe(own?.id)
  })
})

describe('every way out of a create leaves its pending entry right', () => {
  it('a create that never takes effect: fails after looking, the entry says unknown, the next run creates one', async () => {
    const w = await begin()
    w.cloud.inject({ kind: 'status', status: 503, action: 'CreateServiceMesh' })
    const failed = await run(w, { env: FAST })

    expectCleanFailure(failed, /no new mesh with name "dev-mesh" in cn-hangzhou appeared/, /next run looks/)
    expect(stateOnBranch(w, STATE_KEY)?.document.pending).toMatchObject({ runId: '4242', outcome: 'unknown' })

    const again = await run(w, { env: FAST, github: { runId: '4243' } })
    expect(again.exitCode).toBe(0)
    expect(statuses(w, 'CreateServiceMesh')).toEqual([503, 200])
    expectOneRecordedMesh(w, again)
  })

  it('cancelled while the create is in flight and killed 1 s later: the entry says unknown, the next run records the mesh', async () => {
    const w = await begin()
    // The create takes effect 3 s after it arrives, after the step was killed.
    w.cloud.inject({ kind: 'delay', ms: 3000, action: 'CreateServiceMesh' })
    const killed = await run(w, {
      env: FAST,
      sendSignal: { signal: 'SIGTERM', whenLine: /^Sending CreateServiceMesh/, killAfterMs: 1000 }
    })

    expect(killed.signal).toBe('SIGKILL')
    expect(stateOnBranch(w, STATE_KEY)?.document.pending).toMatchObject({ runId: '4242', outcome: 'unknown' })

    const next = await run(w, { env: FAST, github: { runId: '4243' } })
    expect(next.exitCode).toBe(0)
    expect(logOf(next)).not.toMatch(/waiting for it to record the result/)
    expect(statuses(w, 'CreateServiceMesh')).toHaveLength(1)
    expectOneRecordedMesh(w, next)
  })
})

describe('GitHub applied a write but answered 502', () => {
  /** The next contents PUT commits, then answers 502. */
  const APPLIED_THEN_502 = {
    kind: 'status',
    status: 502,
    method: 'PUT',
    pathPrefix: CONTENTS,
    afterProcessing: true
  } as const

  it('the lock write: the run knows the entry is its own and goes on, one mesh', async () => {
    const w = await begin()
    w.github.inject(APPLIED_THEN_502)
    const result = await run(w, { env: FAST })

    expect(result.exitCode).toBe(0)
    expect(logOf(result)).not.toMatch(/is creating this mesh since .* waiting for it/)
    expect(w.github.requests.filter(r => r.method === 'PUT').map(r => r.status)).toEqual([502, 422, 200])
    expectOneRecordedMesh(w, result)
  })

  it('the record write: recorded once, not pushed into its own history', async () => {
    const w = await begin()
    w.cloud.inject({ kind: 'delay', ms: 500, action: 'CreateServiceMesh' })
    const running = run(w, { env: FAST })
    await whenCalled(w, 'CreateServiceMesh')
    w.github.inject(APPLIED_THEN_502)
    const result = await running

    expect(result.exitCode).toBe(0)
    const id = expectOneRecordedMesh(w, result)
    expect(w.github.requests.filter(r => r.method === 'PUT').map(r => r.status)).toEqual([201, 502, 409])
    expect(stateOnBranch(w, STATE_KEY)?.document.history.map(r => r.meshId)).not.toContain(id)
  })
})

describe('StatusForbidden on the recorded mesh', () => {
  it('is an access error with advice, never "gone": nothing is created in its place, even with on-change: create', async () => {
    const w = await begin()
    const first = await run(w)
    const id = expectOneRecordedMesh(w, first)
    w.cloud.inject({
      kind: 'status',
      status: 403,
      code: 'StatusForbidden',
      action: 'DescribeServiceMeshDetail'
    })
    const spec = MINIMAL.replace('vSwitches: [vsw-bp1abc]', 'vSwitches: [vsw-bp1abc, vsw-bp1def]')
    const denied = await run(w, { spec, with: { 'on-change': 'create' } })

    expectCleanFailure(
      denied,
      /DescribeServiceMeshDetail failed: StatusForbidden \(HTTP 403\)/,
      new RegExp(`mesh ${id} is not taken as gone and nothing is created in its place`)
    )
    expect(statuses(w, 'CreateServiceMesh')).toEqual([200])
    expect(w.cloud.meshes).toHaveLength(1)
  })
})
