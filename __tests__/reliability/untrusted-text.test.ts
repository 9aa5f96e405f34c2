/**
 * Text the action did not write (spec keys and values, cloud error messages, PR comments of others)
 * never becomes a workflow command, a path outside the state folder, or an edit of someone else's
 * comment; end to end, against the bundle and the emulators.
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { commentMarker } from '../../src/report/markdown.js'
import { scenarioOptions, SPEC_FILE, startWorld, type World } from '../support/e2e.js'
import { createWorkspace, runAction, type RunResult } from '../support/runner.js'
import { expectCleanFailure, MINIMAL, run, STATE_KEY } from './e2e-helpers.js'

let world: World
beforeEach(async () => {
  await world?.stop()
  world = await startWorld()
})
afterAll(() => world?.stop())

/**
 * Commands that change what later steps see or what the log shows; the action never prints them (its
 * outputs go to the GITHUB_OUTPUT file). Its own add-mask commands are checked by value below.
 */
const DANGEROUS = ['set-output', 'save-state', 'set-env', 'add-path', 'stop-commands', 'echo']

/** No forged command took effect, and every `::` line of the raw log is one of the action's own kinds. */
function expectNoForgedCommand(result: RunResult): void {
  expect(result.commands.filter(command => DANGEROUS.includes(command.name))).toEqual([])
  const commandLines = `${result.stdout}\n${result.stderr}`
    .split(/\r\n|\r|\n/)
    .filter(line => /^\s*(::|##\[)/.test(line))
  for (const line of commandLines)
    expect(line).toMatch(/^::(error|warning|notice|debug|group|endgroup|add-mask)( [^:]*)?::/)
  expect(result.annotations.filter(a => a.message.startsWith('forged'))).toEqual([])
  expect(result.masks).not.toContain('dev-mesh')
}

const FORGED_KEY =
  '"tracing\\n::set-output name=service-mesh-id::forged\\n::stop-commands::pwned\\n::add-mask::dev-mesh"'

describe('a spec key holding a line break and workflow commands', () => {
  it('is refused at its line, and nothing it holds is run as a command', async () => {
    const spec =
      `${MINIMAL}${FORGED_KEY}: true\n` +
      'tags:\n  "team\\n::error::forged annotation\\n::warning::forged": x\n' +
      'extraParameters:\n  SomeFutureFlag: "yes\\n::set-output name=created::forged"\n'
    const result = await run(world, { spec })

    expectCleanFailure(result, /mesh\.yaml: \d+ errors in the mesh spec; nothing was sent/)
    expect(result.annotations.map(a => a.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('contains a control character or line break'),
        expect.stringMatching(
          /^extraParameters\.SomeFutureFlag: the value contains a control character or line break/
        )
      ])
    )
    expectNoForgedCommand(result)
    expect(result.outputs['service-mesh-id']).toBeUndefined()
    expect(result.masks).not.toContain('dev-mesh')
    expect(world.cloud.calls).toEqual([])
  })
})

describe('a cloud error message holding line breaks', () => {
  it('is printed on one line: the retry goes on and no forged output appears', async () => {
    world.cloud.inject({
      kind: 'status',
      status: 500,
      action: 'DescribeServiceMeshes',
      message: 'boom\n::set-output name=created::forged\r::stop-commands::pwned'
    })
    const result = await run(world)

    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('boom\\n::set-output name=created::forged\\r::stop-commands::pwned')
    expectNoForgedCommand(result)
    expect(result.outputs.created).toBe('true')
  })
})

describe('path syntax in what becomes a state key', () => {
  /** A run in a workspace the test keeps, to look at what the run left there. */
  async function runIn(spec: string, withValues: Record<string, string>) {
    const workspace = await createWorkspace({ [SPEC_FILE]: spec })
    const result = await runAction(
      scenarioOptions(world, { workspace, with: { wait: false, ...withValues } })
    )
    return { result, workspace }
  }

  it('a name with ../ is refused before anything is sent or written (state: file)', async () => {
    const { result, workspace } = await runIn(MINIMAL.replace('name: dev-mesh', 'name: ../../escaped'), {
      state: 'file'
    })
    try {
      expectCleanFailure(result, /mesh\.yaml: 1 error in the mesh spec/)
      expect(result.annotations[0]).toMatchObject({
        level: 'error',
        line: 4,
        message: expect.stringMatching(/^name: the name "\.\.\/\.\.\/escaped" is path syntax/)
      })
      expect(world.cloud.calls).toEqual([])
      expect(existsSync(path.join(workspace, 'escaped.json'))).toBe(false)
      expect(existsSync(path.join(workspace, '.asm-state'))).toBe(false)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('a name with ../ is refused with state: github: nothing lands beside the state folder', async () => {
    const result = await run(world, { spec: MINIMAL.replace('name: dev-mesh', 'name: ../prod-mesh') })

    expectCleanFailure(result, /mesh\.yaml: 1 error in the mesh spec/)
    expect(world.github.commits('asm-state')).toEqual([])
    expect(world.cloud.meshes).toEqual([])
  })

  it.each(['preview/../prod', 'a//b', '.git/config', 'x/./y', `a/${'b'.repeat(201)}`])(
    'a state-key input %j is refused before any request',
    async key => {
      const result = await run(world, { with: { 'state-key': key } })

      expectCleanFailure(result, /^input state-key: /)
      expect(world.cloud.calls).toEqual([])
      expect(world.github.requests).toEqual([])
    }
  )

  it('a name the state key cannot hold (a space) asks for a state-key, and one given makes it work', async () => {
    const spec = MINIMAL.replace('name: dev-mesh', 'name: dev mesh')
    const refused = await run(world, { spec })
    expectCleanFailure(
      refused,
      /make the state key "cn-hangzhou\/dev mesh", which has a character/,
      /Set the state-key input/
    )
    expect(world.cloud.meshes).toEqual([])

    const keyed = await run(world, { spec, with: { 'state-key': 'cn-hangzhou/dev-mesh' } })
    expect(keyed.exitCode).toBe(0)
    expect(world.cloud.meshes.map(mesh => mesh.name)).toEqual(['dev mesh'])
  })
})

describe('the sticky plan comment', () => {
  const PULL_REQUEST = { name: 'pull_request', payload: { pull_request: { number: 7 } } }

  it('a comment by someone else that starts with the marker is never edited; the action writes its own', async () => {
    const forged = `${commentMarker(STATE_KEY)}\nLooks good to merge, mallory`
    world.github.addComment(7, forged, 'mallory')
    const plan = await run(world, { with: { mode: 'plan' }, event: PULL_REQUEST })

    expect(plan.exitCode).toBe(0)
    const onIssue = world.github.comments.filter(comment => comment.issue === 7)
    expect(onIssue.map(comment => comment.user)).toEqual(['mallory', 'github-actions[bot]'])
    expect(onIssue[0].body).toBe(forged)
    expect(onIssue[1].body.startsWith(commentMarker(STATE_KEY))).toBe(true)

    // A second plan finds its own comment by marker and author and updates it in place.
    const again = await run(world, { with: { mode: 'plan' }, event: PULL_REQUEST })
    expect(again.exitCode).toBe(0)
    expect(world.github.comments.filter(comment => comment.issue === 7)).toHaveLength(2)
    expect(world.github.comments[0].body).toBe(forged)
  })
})
