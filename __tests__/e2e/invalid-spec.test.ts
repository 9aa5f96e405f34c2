/**
 * Scenario 6: a spec with several errors. Every error is an annotation at its file, line and column, the
 * step fails, and nothing reaches the network: not the OIDC token endpoint, not GitHub, not the cloud.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { runScenario, SPEC_FILE, startWorld, type World } from '../support/e2e.js'
import { NODE_VERSIONS } from '../support/node-versions.js'
import { createWorkspace, type RunResult } from '../support/runner.js'

const INVALID_SPEC = [
  'version: 1',
  'name: bad-mesh',
  'region: cn-hangzhou',
  'tracng:', // line 4: unknown key, close to `tracing`
  '  enabled: true',
  'clusterSpec: Enterprise', // line 6: not standard, enterprise or ultimate, the values the API doc lists
  'network:', // line 7: no vpcId in the mapping that starts on line 8
  '  vSwitches: [vsw-bp1abc]',
  'loadBalancer:',
  '  apiServerPublicEip: yes', // line 10: a string in YAML 1.2, not a boolean
  'proxy:',
  '  excludeIPRanges: [10.0.0.0/33]', // line 12: prefix length out of range
  'edition: Enterprise', // line 13: a warning only, as the API doc leaves the list of editions open
  ''
].join('\n')

/** What each error must say, and where (1-based line and column of the offending node). */
const EXPECTED_ERRORS = [
  { line: 4, col: 1, message: /tracng is not a known key; did you mean tracing\?/ },
  {
    line: 6,
    col: 14,
    message:
      /clusterSpec must be one of "standard", "enterprise", "ultimate"; did you mean "enterprise"\?.*Enterprise/
  },
  // The mapping that lacks the key: where the user has to add it.
  { line: 8, col: 3, message: /network\.vpcId.*required/ },
  {
    line: 10,
    col: 23,
    message: /apiServerPublicEip must be true or false; YAML 1.2 reads yes as a string.*"yes"/
  },
  { line: 12, col: 21, message: /excludeIPRanges\[0\].*10\.0\.0\.0\/33/ }
]

describe.each(NODE_VERSIONS)('an invalid spec under $name', ({ bin }) => {
  let world: World
  let workspace: string
  let result: RunResult

  beforeAll(async () => {
    world = await startWorld()
    workspace = await createWorkspace({ [SPEC_FILE]: INVALID_SPEC })
    // OIDC inputs and the token endpoint are there: a run that reached for credentials would show it.
    result = await runScenario(world, { workspace, node: bin })
  })
  afterAll(async () => {
    await world.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('fails the step', () => {
    expect(result.exitCode).toBe(1)
    expect(result.failed).toBe(true)
  })

  it('annotates every error at its file, line and column, once', () => {
    const located = result.annotations.filter(a => a.level === 'error' && a.file !== undefined)
    expect(located).toHaveLength(EXPECTED_ERRORS.length)
    for (const expected of EXPECTED_ERRORS) {
      const matching = located.filter(a => a.line === expected.line && a.col === expected.col)
      expect(matching).toHaveLength(1)
      expect(matching[0]).toMatchObject({ file: SPEC_FILE, message: expect.stringMatching(expected.message) })
    }
  })

  it('annotates a warning too, which does not count as an error', () => {
    const located = result.annotations.filter(a => a.level === 'warning' && a.file !== undefined)
    expect(located).toHaveLength(1)
    expect(located[0]).toMatchObject({
      file: SPEC_FILE,
      line: 13,
      col: 10,
      message: expect.stringMatching(/edition is not one of "Default", "Pro" that Terraform's provider lists/)
    })
  })

  it('ends with one error that counts them and says nothing was sent', () => {
    const unlocated = result.annotations.filter(a => a.level === 'error' && a.file === undefined)
    expect(unlocated).toHaveLength(1)
    expect(unlocated[0].message).toMatch(/5 errors/)
    expect(unlocated[0].message).toMatch(/nothing was sent/)
    expect(result.annotationCounts.error).toBe(EXPECTED_ERRORS.length + 1)
  })

  it('makes no network call at all', () => {
    expect(world.cloud.calls).toEqual([])
    expect(world.github.requests).toEqual([])
    expect(world.github.issuedTokens).toEqual([])
  })

  it('lists the problems in the job summary with their positions', () => {
    expect(result.summary).toMatch(/5 errors/)
    for (const { line, col } of EXPECTED_ERRORS)
      expect(result.summary).toContain(`${SPEC_FILE}:${line}:${col}`)
  })

  it('sets no mesh outputs', () => {
    expect(result.outputs['service-mesh-id'] ?? '').toBe('')
    expect(result.outputs.created ?? 'false').toBe('false')
  })
})
