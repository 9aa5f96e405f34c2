/**
 * Cancellation of a destroy: the runner sends SIGTERM, then kills the step about 10 s later (here 1 s).
 * The destroy's lock (its pending entry, `operation: delete`) is marked abandoned as soon as the signal
 * comes, even while a cloud call is still out, so the next run neither waits for it nor loses the deletion.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startWorld, stateOnBranch, type World } from '../support/e2e.js'
import { errorsOf, FAST, logOf, run, STATE_KEY, whenCalled } from './e2e-helpers.js'

/** Long enough that the mesh is still deleting when the next destroy looks, short for the test. */
const DELETE_MS = 6000

let world: World
beforeEach(async () => {
  world = await startWorld({ cloud: { lifecycle: { deleteMs: DELETE_MS } } })
})
afterEach(() => world.stop())

const pending = () => stateOnBranch(world, STATE_KEY)?.document.pending

/**
 * Resolves while the destroy waits for the deletion with a poll out that answers only after the kill:
 * the first DescribeServiceMeshDetail after DeleteServiceMesh (the one before it read the recorded mesh).
 */
async function pollOutAfterDelete(): Promise<void> {
  await whenCalled(world, 'DeleteServiceMesh')
  const described = world.cloud.callsTo('DescribeServiceMeshDetail').length
  world.cloud.inject({ kind: 'delay', ms: 5000, action: 'DescribeServiceMeshDetail' })
  await whenCalled(world, 'DescribeServiceMeshDetail', described + 1)
}

describe('a destroy cancelled while it waits for the deletion, killed 1 s later', () => {
  it('leaves its entry marked; an apply refuses, the next destroy does not wait and finishes', async () => {
    const applied = await run(world, { env: FAST })
    expect(applied.exitCode).toBe(0)
    const meshId = applied.outputs['service-mesh-id']

    const killed = await run(world, {
      env: FAST,
      with: { mode: 'destroy', wait: true },
      sendSignal: { signal: 'SIGTERM', when: pollOutAfterDelete(), killAfterMs: 1000 }
    })

    expect(killed.signal).toBe('SIGKILL')
    expect(logOf(killed)).toContain('Received SIGTERM: stopping at the next safe point.')
    expect(world.cloud.callsTo('DeleteServiceMesh').map(call => call.status)).toEqual([200])
    expect(pending()).toMatchObject({ operation: 'delete', meshId, runId: '4242', outcome: 'unknown' })
    expect(stateOnBranch(world, STATE_KEY)?.document.current?.meshId).toBe(meshId)

    // An apply meanwhile neither waits for the entry nor keeps, adopts or replaces the deleting mesh.
    const blocked = await run(world, { env: FAST, github: { runId: '4243' } })
    expect(blocked.exitCode).toBe(1)
    expect(errorsOf(blocked)).toContain(`started deleting mesh ${meshId}`)
    expect(logOf(blocked)).not.toMatch(/waiting for it to record the result/)
    expect(world.cloud.callsTo('CreateServiceMesh')).toHaveLength(1)

    const next = await run(world, {
      env: FAST,
      with: { mode: 'destroy', wait: true },
      github: { runId: '4244' }
    })
    expect(next.exitCode).toBe(0)
    expect(logOf(next)).not.toMatch(/waiting for it to record the result/)
    expect(next.stdout).toContain(`Mesh ${meshId} is already deleting`)
    expect(next.outputs).toMatchObject({ decision: 'delete', deleted: 'true', 'service-mesh-id': meshId })
    expect(world.cloud.callsTo('DeleteServiceMesh')).toHaveLength(1)
    expect(world.cloud.lifecycle.deleted.map(deleted => deleted.mesh.id)).toEqual([meshId])
    const state = stateOnBranch(world, STATE_KEY)?.document as { tombstone?: unknown; pending?: unknown }
    expect(state.pending).toBeUndefined()
    expect(state.tombstone).toMatchObject({ meshId, outcome: 'deleted' })
  })
})
