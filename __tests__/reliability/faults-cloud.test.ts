/**
 * Cloud faults injected end to end: the bundled action runs as the runner starts it, against the loopback
 * STS and Service Mesh emulator. For each fault: the outcome users would expect (a retry that succeeds,
 * or one clear failure naming the API, the code and the request id), never a second mesh, and never a
 * mesh whose id is neither output nor recorded.
 *
 * Timeouts: the action gives CreateServiceMesh 120 s and reads 10 s (src/cloud/mesh.ts), and looks for
 * the mesh of an unknown create for minutes; scenarios that need those run with the action's time scale
 * (FAST, see e2e-helpers.ts), and the client-level cases are in slow-answers.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startWorld, stateOnBranch, type World } from '../support/e2e.js'
import {
  errorsOf,
  expectCleanFailure,
  expectNoStackTrace,
  expectOneRecordedMesh,
  logOf,
  run,
  STATE_KEY,
  statuses,
  FAST
} from './e2e-helpers.js'

let world: World
beforeEach(async () => {
  world = await startWorld()
})
afterEach(() => world.stop())

const REQUEST_ID = /request id [0-9A-F-]{36}/

describe('throttling', () => {
  it('retries a throttling storm on CreateServiceMesh and creates one mesh', async () => {
    world.cloud.inject({ kind: 'throttle', action: 'CreateServiceMesh', times: 3 })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([400, 400, 400, 200])
    expect(logOf(result)).toMatch(/CreateServiceMesh: Throttling\.User .*retrying in/)
    expect(result.outputs).toMatchObject({
      created: 'true',
      'request-id': expect.stringMatching(/^[0-9A-F-]{36}$/)
    })
    expectOneRecordedMesh(world, result)
  })

  it('gives up on persistent throttling with the API, code and request id, and leaves no lock behind', async () => {
    world.cloud.inject({ kind: 'throttle', action: 'CreateServiceMesh', times: 4 })
    const failed = await run(world)

    expectCleanFailure(
      failed,
      /CreateServiceMesh failed: Throttling\.User \(HTTP 400\)/,
      REQUEST_ID,
      /after 4 attempts/
    )
    expect(world.cloud.meshes).toHaveLength(0)
    expect(stateOnBranch(world, STATE_KEY)?.document.pending).toBeUndefined()

    const again = await run(world)
    expect(again.exitCode).toBe(0)
    expectOneRecordedMesh(world, again)
  })
})

describe('server errors and broken connections on CreateServiceMesh', () => {
  it('waits for a slow answer within the create timeout instead of sending again', async () => {
    world.cloud.inject({ kind: 'delay', ms: 3000, action: 'CreateServiceMesh' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([200])
    expect(statuses(world, 'DescribeServiceMeshes')).toEqual([200])
    expectOneRecordedMesh(world, result)
  })

  it.each([
    ['a 500', { kind: 'status', status: 500, action: 'CreateServiceMesh' } as const],
    [
      'a proxy’s HTML 503',
      { kind: 'status', status: 503, nonJson: true, action: 'CreateServiceMesh' } as const
    ],
    ['a reset before the service saw the request', { kind: 'reset', action: 'CreateServiceMesh' } as const]
  ])(
    'after %s: never sends again, looks, fails with the entry unknown; the next run looks, then creates one',
    async (_name, fault) => {
      world.cloud.inject(fault)
      const failed = await run(world, { env: FAST })

      expectCleanFailure(failed, /CreateServiceMesh: the outcome is unknown .* the create was not sent again/)
      expect(statuses(world, 'CreateServiceMesh')).toHaveLength(1)
      expect(stateOnBranch(world, STATE_KEY)?.document.pending).toMatchObject({ outcome: 'unknown' })
      expect(world.cloud.meshes).toHaveLength(0)

      const again = await run(world, { env: FAST })
      expect(again.exitCode).toBe(0)
      expect(logOf(again)).toMatch(/did not record the outcome; looking for a mesh it may have made/)
      expect(statuses(world, 'CreateServiceMesh')).toHaveLength(2)
      expect(again.outputs.created).toBe('true')
      expectOneRecordedMesh(world, again)
    }
  )

  it('after a reset once the mesh was created, finds it by name, outputs and records it, creates none', async () => {
    world.cloud.inject({ kind: 'reset', action: 'CreateServiceMesh', afterProcessing: true })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([0])
    const id = expectOneRecordedMesh(world, result)
    expect(logOf(result)).toContain(
      `Found mesh ${id} with name "dev-mesh" in cn-hangzhou: the create went through.`
    )
    expect(result.outputs.created).toBe('true')
  })

  it('after a truncated 200 answer, finds the created mesh instead of creating another', async () => {
    world.cloud.inject({ kind: 'malformed', action: 'CreateServiceMesh' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'CreateServiceMesh')).toEqual([200])
    expect(logOf(result)).toMatch(/the answer was not a JSON object/)
    expectOneRecordedMesh(world, result)
  })

  it('after a JSON answer without ServiceMeshId, finds the created mesh instead of creating another', async () => {
    world.cloud.inject({ kind: 'malformed', action: 'CreateServiceMesh', body: '{"RequestId":"R-1"}' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(logOf(result)).toMatch(/request id R-1\) holds no ServiceMeshId/)
    expectOneRecordedMesh(world, result)
  })
})

describe('an unknown create whose lookup fails too', () => {
  it('says the outcome is unknown and where to look, and the next run records the mesh', async () => {
    world.cloud.inject({ kind: 'reset', action: 'CreateServiceMesh', afterProcessing: true })
    // The list before the send answers (the first fault, a 1 ms delay); every look afterwards fails.
    world.cloud.inject({ kind: 'delay', ms: 1, action: 'DescribeServiceMeshes' })
    world.cloud.inject({ kind: 'status', status: 503, action: 'DescribeServiceMeshes', times: 1000 })
    const failed = await run(world, { env: FAST, with: { 'adopt-existing': false } })

    expectCleanFailure(
      failed,
      /CreateServiceMesh: the outcome is unknown/,
      /looking for name "dev-mesh" in cn-hangzhou failed too: DescribeServiceMeshes failed/,
      /ASM console/
    )
    expect(world.cloud.meshes).toHaveLength(1)
    expect(stateOnBranch(world, STATE_KEY)?.document.pending).toMatchObject({ outcome: 'unknown' })

    world.cloud.clearFaults()
    const again = await run(world, { env: FAST, with: { 'adopt-existing': false } })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.created).toBe('false')
    expectOneRecordedMesh(world, again)
  }, 60_000)
})

describe('reads', () => {
  it('retries a 503 and a reset on DescribeServiceMeshes (the adopt lookup)', async () => {
    world.cloud.inject({ kind: 'status', status: 503, action: 'DescribeServiceMeshes' })
    world.cloud.inject({ kind: 'reset', action: 'DescribeServiceMeshes' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'DescribeServiceMeshes')).toEqual([503, 0, 200])
    expectOneRecordedMesh(world, result)
  })

  it('retries a non-JSON 200 on DescribeServiceMeshes', async () => {
    world.cloud.inject({ kind: 'malformed', action: 'DescribeServiceMeshes', body: 'not json at all' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'DescribeServiceMeshes')).toEqual([200, 200])
    expectOneRecordedMesh(world, result)
  })

  it('keeps waiting through more 500s on DescribeServiceMeshDetail than one call retries', async () => {
    world.cloud.inject({ kind: 'status', status: 500, action: 'DescribeServiceMeshDetail', times: 5 })
    const result = await run(world, { with: { wait: true } })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['mesh-state']).toBe('running')
    expect(logOf(result)).toMatch(/DescribeServiceMeshDetail: InternalError .*retrying in/)
    expect(logOf(result)).toMatch(
      /DescribeServiceMeshDetail failed: InternalError .*after 4 attempts; polling again/
    )
    expectOneRecordedMesh(world, result)
  }, 60_000)
})

describe('STS', () => {
  it('retries an STS outage (503, then 500) and goes on with the issued keys', async () => {
    world.cloud.inject({ kind: 'status', status: 503, action: 'AssumeRoleWithOIDC' })
    world.cloud.inject({ kind: 'status', status: 500, action: 'AssumeRoleWithOIDC' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(statuses(world, 'AssumeRoleWithOIDC')).toEqual([503, 500, 200])
    expectOneRecordedMesh(world, result)
  })

  it('fails clearly on a persistent STS outage, before any Service Mesh call or state write', async () => {
    world.cloud.inject({ kind: 'status', status: 503, action: 'AssumeRoleWithOIDC', times: 4 })
    const failed = await run(world)

    expectCleanFailure(
      failed,
      /AssumeRoleWithOIDC failed: ServiceUnavailable \(HTTP 503\)/,
      REQUEST_ID,
      /after 4 attempts/
    )
    expect(world.cloud.calls.map(call => call.action)).toEqual(Array(4).fill('AssumeRoleWithOIDC'))
    expect(world.cloud.meshes).toHaveLength(0)
    expect(world.github.commits('asm-state')).toEqual([])
  })

  it('retries an STS answer that is an HTML error page', async () => {
    world.cloud.inject({ kind: 'status', status: 502, nonJson: true, action: 'AssumeRoleWithOIDC' })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expectOneRecordedMesh(world, result)
    expectNoStackTrace(result)
    expect(errorsOf(result)).toBe('')
  })
})
