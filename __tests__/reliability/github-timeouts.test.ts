/**
 * Every GitHub REST call, and the request for the OIDC token, has a time limit: a GitHub that accepts the
 * connection and never answers ends the run with a clear error in bounded time (token, state) or skips the
 * comment (plan), end to end. The limit is 20 s per request; the scenarios run on the action's time scale
 * (FAST), where it is 2 s.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { REPOSITORY, startWorld, tokenRequests, type World } from '../support/e2e.js'
import { errorsOf, expectCleanFailure, FAST, logOf, run, statuses } from './e2e-helpers.js'

let world: World
beforeEach(async () => {
  world = await startWorld()
})
afterEach(() => world.stop())

describe('a GitHub endpoint that never answers', () => {
  it('the state read: a clear error after its attempts, nothing created', async () => {
    world.github.inject({
      kind: 'hang',
      method: 'GET',
      pathPrefix: `/repos/${REPOSITORY}/contents/`,
      times: 4
    })
    const failed = await run(world, { env: FAST, timeoutMs: 40_000 })

    expect(failed.timedOut).toBe(false)
    expectCleanFailure(
      failed,
      /^Cannot read the state record \(branch asm-state, file cn-hangzhou\/dev-mesh\.json\)\. GitHub gave no answer within 2 s, on each of 4 attempts\./,
      /Check that the runner can reach http:\/\/127\.0\.0\.1:\d+/
    )
    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
  })

  it('the OIDC token endpoint: a clear error naming its host after its attempts, nothing created', async () => {
    world.github.inject({ kind: 'hang', method: 'GET', pathPrefix: '/_oidc/token', times: 3 })
    const failed = await run(world, { env: FAST, timeoutMs: 40_000 })

    expect(failed.timedOut).toBe(false)
    // 3 attempts of 2 s and the pauses between them, plus starting the step.
    expect(failed.durationMs).toBeLessThan(15_000)
    expectCleanFailure(
      failed,
      /^Could not get a GitHub OIDC token for audience "sts\.aliyuncs\.com": the token endpoint \(ACTIONS_ID_TOKEN_REQUEST_URL at http:\/\/127\.0\.0\.1:\d+\) gave no answer within 2 s, on each of 3 attempts \(about 6 s in all\)\./,
      /Re-run the job/
    )
    // Neither the request URL's path and query nor its bearer token is shown.
    expect(errorsOf(failed)).not.toMatch(/_oidc|api-version|audience=/)
    expect(errorsOf(failed)).not.toContain(world.github.idTokenRequestToken)
    expect(tokenRequests(world.github)).toEqual([])
    expect(statuses(world, 'AssumeRoleWithOIDC')).toEqual([])
    expect(statuses(world, 'CreateServiceMesh')).toEqual([])
    expect(world.cloud.meshes).toEqual([])
  })

  it('the state write after the create: the mesh id is output and named, within bounded time', async () => {
    world.cloud.inject({ kind: 'delay', ms: 300, action: 'CreateServiceMesh' })
    const running = run(world, { env: FAST, timeoutMs: 40_000 })
    while (!world.cloud.calls.some(call => call.action === 'CreateServiceMesh'))
      await new Promise(resolve => setTimeout(resolve, 5))
    world.github.inject({ kind: 'hang', method: 'PUT', times: 10 })
    world.github.inject({
      kind: 'hang',
      method: 'GET',
      pathPrefix: `/repos/${REPOSITORY}/contents/`,
      times: 10
    })
    const failed = await running

    expect(failed.timedOut).toBe(false)
    const [mesh] = world.cloud.meshes
    expectCleanFailure(
      failed,
      new RegExp(`Mesh ${mesh.id} exists but its record .* could not be written`),
      /no answer within 2 s/
    )
    expect(failed.outputs['service-mesh-id']).toBe(mesh.id)
  })

  it('the plan comment: skipped with a warning, the plan itself succeeds', async () => {
    world.github.inject({ kind: 'hang', method: 'POST', pathPrefix: '/graphql', times: 1 })
    // Every attempt: the comment's requests are retried like the state's (src/github.ts).
    world.github.inject({ kind: 'hang', method: 'GET', pathPrefix: `/repos/${REPOSITORY}/issues/`, times: 4 })
    const plan = await run(world, {
      env: FAST,
      timeoutMs: 40_000,
      with: { mode: 'plan' },
      event: { name: 'pull_request', payload: { pull_request: { number: 7 } } }
    })

    expect(plan).toMatchObject({ exitCode: 0, timedOut: false })
    expect(logOf(plan)).toMatch(
      /Plan comment skipped: commenting on #7 failed \(GitHub gave no answer within 2 s\)/
    )
    expect(world.github.comments).toEqual([])
  })
})
