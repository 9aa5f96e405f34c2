/**
 * Faults of the GitHub REST API on the state branch, end to end (the bundle against the GitHub and cloud
 * emulators): 5xx answers, and 409/422 races where another run commits to the state file between this
 * run's read and its compare-and-swap write. Never a second mesh, never a mesh id that is neither output
 * nor recorded nor named in the failure.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { emptyStateDocument, serialiseStateDocument, withCurrentRecord } from '../../src/state/document.js'
import { toRecordedParameters } from '../../src/state/diff.js'
import { evaluateSpec } from '../../src/meshspec/index.js'
import { REPOSITORY, startWorld, stateOnBranch, type World } from '../support/e2e.js'
import {
  expectCleanFailure,
  expectOneRecordedMesh,
  logOf,
  MINIMAL,
  run,
  STATE_FILE,
  STATE_KEY,
  statuses,
  whenCalled
} from './e2e-helpers.js'

let world: World
beforeEach(async () => {
  world = await startWorld()
})
afterEach(() => world.stop())

const CONTENTS = `/repos/${REPOSITORY}/contents/`

/** Another run's state document for `meshId`, written the way the action writes one. */
function recordedBy(meshId: string, runId: string, pending?: { since: string }): string {
  const { request } = evaluateSpec(Buffer.from(MINIMAL), { file: 'mesh.yaml', env: {} })
  if (!request) throw new Error('examples/minimal.yaml must be valid')
  const base = emptyStateDocument(STATE_KEY)
  const document = pending
    ? {
        ...base,
        pending: {
          runId,
          runAttempt: '1',
          actor: 'someone',
          since: pending.since,
          name: 'dev-mesh',
          region: 'cn-hangzhou'
        }
      }
    : withCurrentRecord(base, {
        meshId,
        requestId: 'OTHER-RUN-REQUEST',
        origin: 'created',
        name: request.name,
        region: request.region,
        parameters: toRecordedParameters(request.parameters),
        commitSha: 'b'.repeat(40),
        runId,
        runAttempt: '1',
        actor: 'someone',
        repository: REPOSITORY,
        time: new Date().toISOString()
      })
  return serialiseStateDocument(document)
}

describe('GitHub 5xx', () => {
  it('retries 502s on reads and writes of the state file and records the one mesh', async () => {
    world.github.inject({ kind: 'status', status: 502, method: 'GET', pathPrefix: CONTENTS, times: 2 })
    world.github.inject({ kind: 'status', status: 503, method: 'PUT', pathPrefix: CONTENTS, times: 2 })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    const answers = world.github.requests.filter(r => r.path.startsWith(CONTENTS)).map(r => r.status)
    expect(answers.filter(status => status >= 500)).toEqual([502, 502, 503, 503])
    expectOneRecordedMesh(world, result)
  })

  it('fails clearly when the state cannot be read, before any cloud write', async () => {
    world.github.inject({ kind: 'status', status: 500, method: 'GET', pathPrefix: CONTENTS, times: 4 })
    const failed = await run(world)

    expectCleanFailure(failed, /state record/, /GitHub answered 500/)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
    expect(world.cloud.meshes).toHaveLength(0)
  })

  /** A create whose record write then fails on every attempt (GitHub 502s after the create was sent). */
  async function createWithoutRecord() {
    world.cloud.inject({ kind: 'delay', ms: 500, action: 'CreateServiceMesh' })
    const running = run(world)
    await whenCalled(world, 'CreateServiceMesh')
    world.github.inject({ kind: 'status', status: 502, method: 'PUT', pathPrefix: CONTENTS, times: 4 })
    return running
  }

  it('when the record cannot be written after the create: outputs the id and names it in the failure', async () => {
    const failed = await createWithoutRecord()

    expect(world.cloud.meshes).toHaveLength(1)
    const [mesh] = world.cloud.meshes
    expectCleanFailure(
      failed,
      new RegExp(`Mesh ${mesh.id} exists but its record for ${STATE_KEY} could not be written`),
      /GitHub answered 502/
    )
    expect(failed.outputs['service-mesh-id']).toBe(mesh.id)
  })

  it('a re-run (attempt 2) right after adopts that mesh instead of waiting for the lock', async () => {
    expect((await createWithoutRecord()).exitCode).toBe(1)

    const again = await run(world, { github: { runAttempt: '2' }, timeoutMs: 15_000 })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.created).toBe('false')
    expectOneRecordedMesh(world, again)
  })
})

describe('races on the state file', () => {
  it('another run records a mesh just before this run locks: re-reads, keeps that mesh, creates none', async () => {
    const other = world.cloud.addMesh({ name: 'dev-mesh', region: 'cn-hangzhou', state: 'running' })
    world.github.inject({ kind: 'race', path: STATE_FILE, content: recordedBy(other.id, '999') })
    const result = await run(world, { with: { 'adopt-existing': false } })

    expect(result.exitCode).toBe(0)
    expect(logOf(result)).toMatch(/Another run changed the state record at the same time; reading it again/)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
    expect(result.outputs).toMatchObject({ 'service-mesh-id': other.id, created: 'false' })
    expect(stateOnBranch(world, STATE_KEY)?.document.current?.meshId).toBe(other.id)
  })

  it('a run that died mid-create left a stale lock: looks before creating and adopts its mesh', async () => {
    const orphan = world.cloud.addMesh({ name: 'dev-mesh', region: 'cn-hangzhou', state: 'running' })
    const since = new Date(Date.now() - 60 * 60 * 1000).toISOString()
    world.github.inject({ kind: 'race', path: STATE_FILE, content: recordedBy('', '998', { since }) })
    const result = await run(world, { with: { 'adopt-existing': false } })

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
    expect(result.outputs['service-mesh-id']).toBe(orphan.id)
    expectOneRecordedMesh(world, result)
  })

  it('the record write after the create loses a race: writes again on top, keeps both runs’ facts', async () => {
    world.cloud.inject({ kind: 'delay', ms: 500, action: 'CreateServiceMesh' })
    const running = run(world)
    await whenCalled(world, 'CreateServiceMesh')
    // Someone rewrites the file (here: our own lock, unchanged bytes would not conflict) before the write.
    const lock = world.github.files('asm-state').get(STATE_FILE) ?? ''
    world.github.inject({ kind: 'race', path: STATE_FILE, content: `${lock.trimEnd()}\n\n` })
    const result = await running

    expect(result.exitCode).toBe(0)
    const conflicts = world.github.requests.filter(r => r.method === 'PUT' && [409, 422].includes(r.status))
    expect(conflicts).toHaveLength(1)
    expectOneRecordedMesh(world, result)
  })
})
