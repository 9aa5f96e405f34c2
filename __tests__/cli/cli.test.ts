/**
 * `asm-mesh validate` and `asm-mesh plan`, run as a user (or a pre-commit hook) runs them: the built
 * bundle as a child process, in a directory of spec files, with only the environment given here.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { checkSpec, describeDiagnostic } from '../../src/cli/engine.js'
import { caEnv, readCaFixture } from '../support/ca-fixture.js'
import { ALL_PARAMETERS, runScenario, startWorld, type World } from '../support/e2e.js'
import { createWorkspace } from '../support/runner.js'
import { REPO_ROOT } from '../support/repo-root.js'
import { buildCli, type BuiltCli, positionOf, runCli } from './cli-kit.js'

/** The user examples, and the reference file that sets every parameter. */
const EXAMPLES = [
  ...readdirSync(path.join(REPO_ROOT, 'examples')).filter(name => /\.ya?ml$/.test(name)),
  ALL_PARAMETERS
]
const example = (name: string) => readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8')
/** What a workflow step gives the examples: the test CA for the reference, a PR number for preview. */
const EXAMPLE_ENV = { ...caEnv(), PR_NUMBER: '42' }

const BROKEN = `version: 1
name: dev-mesh
region: cn-hangzhou
network:
  vpcId: vpc-bp1abc
  vSwitches: [vsw-bp1abc]
tracng: true
tracing:
  sampling: 150
`

let cli: BuiltCli
let dir: string
const run = (args: string[], env?: Record<string, string>) => runCli(cli.bin, args, { cwd: dir, env })

beforeAll(async () => {
  cli = await buildCli()
  dir = await createWorkspace({
    ...Object.fromEntries(EXAMPLES.map(name => [`mesh/${name}`, example(name)])),
    'mesh/broken.yaml': BROKEN
  })
}, 180_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await cli?.dispose()
})

describe('asm-mesh validate', () => {
  const files = EXAMPLES.map(name => `mesh/${name}`)

  it('passes every example with the environment a workflow gives it (warnings only)', async () => {
    const result = await run(['validate', ...files], EXAMPLE_ENV)
    expect(result.stderr).toMatch(new RegExp(`${files.length} files valid`))
    expect(result.code).toBe(0)
    for (const line of result.lines) expect(line).toMatch(/^mesh\/[\w./-]+\.ya?ml:\d+:\d+: warning: \S/)
  })

  it('prints the engine diagnostics of a broken spec as file:line:col: error: lines, and exits 1', async () => {
    const result = await run(['validate', 'mesh/minimal.yaml', 'mesh/broken.yaml'])
    expect(result.code).toBe(1)
    // Positions and severities, whatever the wording of the messages.
    expect(result.lines.map(line => line.replace(/: error: .*/, ''))).toEqual([
      'mesh/broken.yaml:7:1',
      'mesh/broken.yaml:9:13'
    ])
    expect(result.lines[0]).toMatch(/tracng.*tracing/)
    expect(result.lines[1]).toMatch(/tracing\.sampling.*150/)
    // The text is the action's own: the same engine and the same description as its annotations.
    const { diagnostics } = checkSpec(Buffer.from(BROKEN), 'mesh/broken.yaml', {})
    expect(result.lines).toEqual(
      diagnostics.map(d => `mesh/broken.yaml:${d.line}:${d.column}: error: ${describeDiagnostic(d)}`)
    )
    expect(result.stderr).toContain('1 of 2 files invalid (2 errors, 0 warnings)')
  })

  it('names the files as given, and reports one it cannot read without a stack trace', async () => {
    const result = await run(['validate', './mesh/../mesh/broken.yaml', 'mesh/missing.yaml', 'mesh'])
    expect(result.code).toBe(1)
    expect(result.lines[0]).toMatch(/^\.\/mesh\/\.\.\/mesh\/broken\.yaml:7:1: error: /)
    expect(result.lines.slice(2)).toEqual([
      'mesh/missing.yaml: error: cannot read the file: no such file',
      'mesh: error: is a directory, not a spec file'
    ])
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  describe('a spec referencing variables that are not set (a hook without the secrets)', () => {
    const preview = example('preview.yaml')
    const where = positionOf(preview, '${PR_NUMBER}')

    it('reports each unset reference as an error at its position, as the action does', async () => {
      const result = await run(['validate', 'mesh/preview.yaml'])
      expect(result.code).toBe(1)
      expect(result.lines[0]).toMatch(new RegExp(`^mesh/preview\\.yaml:${where}: error: .*PR_NUMBER`))
      expect(result.lines.every(line => /PR_NUMBER/.test(line))).toBe(true)
      expect(result.stderr).toMatch(/only because PR_NUMBER is not set.*--allow-missing-env/)
    })

    it('makes them warnings with --allow-missing-env and still checks everything else', async () => {
      const clean = await run([
        'validate',
        '--allow-missing-env',
        'mesh/preview.yaml',
        `mesh/${ALL_PARAMETERS}`
      ])
      expect(clean.code).toBe(0)
      expect(clean.lines[0]).toMatch(new RegExp(`^mesh/preview\\.yaml:${where}: warning: .*PR_NUMBER`))
      expect(clean.lines.filter(line => /: error: /.test(line))).toEqual([])

      const broken = await run(['validate', '--allow-missing-env', 'mesh/broken.yaml'])
      expect(broken.code).toBe(1)
      expect(broken.lines).toHaveLength(2)
    })
  })
})

describe('usage', () => {
  it.each([
    [[], /no command given/],
    [['lint', 'x.yaml'], /unknown command "lint"/],
    [['validate'], /at least one spec FILE/],
    [['validate', '--strict', 'mesh/minimal.yaml'], /--strict/],
    [['plan', 'mesh/minimal.yaml'], /--state-file/],
    [['plan', '--state-file', 's.json', 'a.yaml', 'b.yaml'], /exactly one spec FILE/],
    [['plan', '--state-file', 's.json', '--on-change', 'replace', 'a.yaml'], /--on-change must be one of/],
    [['plan', '--state-file', 's.json', '--adopt-existing', 'yes', 'a.yaml'], /--adopt-existing must be/]
  ])('asm-mesh %j is a usage error: exit 2, a message and a pointer to --help', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toContain('asm-mesh --help')
  })

  it('prints the usage with --help and the package version with --version', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/asm-mesh validate \[--allow-missing-env\] FILE\.\.\./)
    expect(help.stdout).toMatch(/Exit status: 0 .*; 1 .*; 2 usage error/)
    const version = await run(['--version'])
    expect(version.code).toBe(0)
    const { version: expected } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
    expect(version.stdout).toBe(`${expected}\n`)
  })
})

describe('asm-mesh plan without a state file', () => {
  it('plans a create with every parameter added, secrets only as fingerprints', async () => {
    const result = await run(['plan', '--state-file', 'none.json', `mesh/${ALL_PARAMETERS}`], EXAMPLE_ENV)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('no state file yet')
    expect(result.stdout).toMatch(
      /^ {2}\+ certificateAuthority\.key \(ExistingCaKey\): \$\{ASM_CA_KEY\} sha256:[0-9a-f]{64}$/m
    )
    expect(result.stdout).toMatch(/^Decision: create or adopt: no previous run recorded/m)
    const keyBody = readCaFixture('ca-key.pem').split('\n')[2]
    expect(result.stdout).not.toContain(keyBody)
  })

  it('refuses a spec with errors and a state file that is not one', async () => {
    const broken = await run(['plan', '--state-file', 'none.json', 'mesh/broken.yaml'])
    expect(broken.code).toBe(1)
    expect(broken.lines.map(line => line.replace(/: error: .*/, ''))).toEqual([
      'mesh/broken.yaml:7:1',
      'mesh/broken.yaml:9:13'
    ])
    expect(broken.stderr).toContain('nothing to plan')

    await writeFile(path.join(dir, 'corrupt.json'), '{"schemaVersion": 1, "stateKey": 7}')
    const corrupt = await run(['plan', '--state-file', 'corrupt.json', 'mesh/minimal.yaml'])
    expect(corrupt.code).toBe(1)
    expect(corrupt.lines).toEqual([expect.stringMatching(/^corrupt\.json: error: .*unreadable.*stateKey/)])
  })
})

describe('asm-mesh plan against the state file an apply of the action wrote', () => {
  const STATE = '.asm-state/cn-hangzhou/dev-mesh.json'
  let world: World
  let meshId: string

  beforeAll(async () => {
    world = await startWorld()
    const applied = await runScenario(world, {
      workspace: dir,
      credentials: 'static',
      with: { spec: 'mesh/minimal.yaml', mode: 'apply', state: 'file' }
    })
    expect(applied.failures).toEqual([])
    meshId = applied.outputs['service-mesh-id']
    expect(meshId).toMatch(/\S/)
    await writeFile(
      path.join(dir, 'mesh/changed.yaml'),
      example('minimal.yaml').replace('vSwitches: [vsw-bp1abc]', 'vSwitches: [vsw-bp1abc, vsw-bp1def]')
    )
  }, 60_000)
  afterAll(async () => {
    await world?.stop()
  })

  it('keeps the mesh when the spec matches the record', async () => {
    const result = await run(['plan', '--state-file', STATE, 'mesh/minimal.yaml'])
    expect(result.code).toBe(0)
    expect(result.lines).toEqual([
      `Plan for mesh/minimal.yaml against ${STATE} (state key cn-hangzhou/dev-mesh)`,
      `  recorded mesh: ${meshId}`,
      '  no changes: 4 parameters as recorded',
      expect.stringMatching(new RegExp(`^Decision: keep: mesh ${meshId}: .*not checked offline`))
    ])
  })

  it('shows a changed parameter as before → after, and fails as apply would: it needs a new mesh', async () => {
    const result = await run(['plan', '--state-file', STATE, 'mesh/changed.yaml'])
    expect(result.code).toBe(1)
    expect(result.lines.slice(1, 4)).toEqual([
      `  recorded mesh: ${meshId}`,
      '  ~ network.vSwitches (VSwitches): ["vsw-bp1abc"] → ["vsw-bp1abc","vsw-bp1def"]',
      '  1 change, 3 parameters unchanged'
    ])
    expect(result.lines[4]).toBe(
      'Decision: fail: network.vSwitches (VSwitches) needs a new mesh; nothing was changed'
    )
    expect(result.lines[5]).toMatch(/on-change: create/)
  })

  it('fails with --on-change fail as the action input does', async () => {
    const result = await run(['plan', '--state-file', STATE, '--on-change', 'fail', 'mesh/changed.yaml'])
    expect(result.code).toBe(1)
    expect(result.lines[4]).toBe(`Decision: fail: the spec changed since mesh ${meshId} was recorded`)
    expect(result.lines[5]).toMatch(/on-change: warn/)
  })

  it.each([
    ['warn', /^Decision: keep: .*the diff is reported/],
    ['create', /^Decision: create: .*on-change is create/]
  ])('follows --on-change %s as the action input does, and exits 0', async (onChange, decision) => {
    const result = await run(['plan', '--state-file', STATE, '--on-change', onChange, 'mesh/changed.yaml'])
    expect(result.code).toBe(0)
    expect(result.lines).toContainEqual(expect.stringMatching(/^ {2}~ network\.vSwitches /))
    expect(result.lines.at(-1)).toMatch(decision)
  })
})
