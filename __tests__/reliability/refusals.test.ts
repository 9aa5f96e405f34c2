/**
 * What the action refuses, end to end: endpoints that would send credentials in clear text over the
 * network, spec paths that leave the workspace, private keys written into the spec, oversized and
 * alias-bomb YAML. Each is one clear message, exit code 1, no stack trace, and no request anywhere.
 *
 * The action runs with a preloaded guard (fixtures/loopback-only.mjs) that refuses any socket to a
 * non-loopback address before it connects and notes the attempt on stderr: these tests never reach
 * 10.0.0.1 or any other address even if a refusal were missing, and they see whether one was tried.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readCaFixture } from '../support/ca-fixture.js'
import { scenarioOptions, SPEC_FILE, startWorld, type World } from '../support/e2e.js'
import { createWorkspace, REPO_ROOT, runAction, type RunResult } from '../support/runner.js'
import { aliasBomb } from './spec-fuzz.js'
import { errorsOf, expectCleanFailure, MINIMAL } from './e2e-helpers.js'

const GUARD = path.join(REPO_ROOT, '__tests__', 'reliability', 'fixtures', 'loopback-only.mjs')
/** Written outside the workspace; it must never show up in anything the action prints. */
const OUTSIDE_SECRET = 'outside-the-workspace-7f3a9c'

let world: World
let outside: string
beforeAll(async () => {
  world = await startWorld()
  outside = await mkdtemp(path.join(tmpdir(), 'asm-outside-'))
  await writeFile(path.join(outside, 'mesh.yaml'), `${MINIMAL}# ${OUTSIDE_SECRET}\n`)
})
afterAll(async () => {
  await world.stop()
  await rm(outside, { recursive: true, force: true })
})

interface Attempt {
  with?: Record<string, string | number | boolean | undefined>
  /** Workspace files; default the minimal spec at mesh.yaml. */
  files?: Record<string, string>
  /** Changes the workspace before the run (links, pipes). */
  prepare?: (workspace: string) => Promise<void>
}

/** One step under the loopback guard; afterwards, how many requests each emulator saw during it. */
async function attempt(
  input: Attempt
): Promise<{ result: RunResult; cloudCalls: number; githubCalls: number }> {
  const workspace = await createWorkspace(input.files ?? { [SPEC_FILE]: MINIMAL })
  await input.prepare?.(workspace)
  const cloudBefore = world.cloud.calls.length
  const githubBefore = world.github.requests.length
  const options = scenarioOptions(world, { workspace, with: { wait: false, ...input.with } })
  const result = await runAction({ ...options, env: { ...options.env, NODE_OPTIONS: `--import=${GUARD}` } })
  await rm(workspace, { recursive: true, force: true })
  return {
    result,
    cloudCalls: world.cloud.calls.length - cloudBefore,
    githubCalls: world.github.requests.length - githubBefore
  }
}

/** Refused before any connection: no request reached either emulator, no other address was tried. */
function expectRefusedOffline(outcome: Awaited<ReturnType<typeof attempt>>, ...patterns: RegExp[]): void {
  expectCleanFailure(outcome.result, ...patterns)
  expect(outcome.result.stderr).not.toContain('LOOPBACK-GUARD')
  expect({ cloudCalls: outcome.cloudCalls, githubCalls: outcome.githubCalls }).toEqual({
    cloudCalls: 0,
    githubCalls: 0
  })
  expect(outcome.result.allText).not.toContain(OUTSIDE_SECRET)
}

describe('the loopback guard itself', () => {
  it('refuses and reports a connection to a non-loopback address made by the action', async () => {
    // An https endpoint is allowed by the action, so the guard is what stops this one; 192.0.2.1 is a
    // documentation address (RFC 5737), routed nowhere, should the guard ever fail to load.
    const outcome = await attempt({
      with: { endpoint: 'https://192.0.2.1', 'sts-endpoint': 'https://192.0.2.1' }
    })
    expect(outcome.result.exitCode).toBe(1)
    expect(outcome.result.stderr).toContain('LOOPBACK-GUARD refused a connection to 192.0.2.1:443')
    expect(outcome.cloudCalls).toBe(0)
  })
})

const CLEAR_TEXT_ENDPOINTS = [
  'http://10.0.0.1',
  'http://169.254.169.254',
  'http://192.168.1.10:8080',
  'http://0.0.0.0:80',
  'http://127.0.0.1.nip.io',
  'http://localhost.example.com',
  'http://[::ffff:10.0.0.1]',
  'http://[fe80::1]'
]

describe.each(['endpoint', 'sts-endpoint'])('input %s', input => {
  it.each(CLEAR_TEXT_ENDPOINTS)('refuses %s before connecting', async endpoint => {
    const outcome = await attempt({ with: { [input]: endpoint } })
    expectRefusedOffline(outcome, new RegExp(`input ${input}: http:// is only allowed for loopback hosts`))
  })

  it.each(['https://127.0.0.1/path', 'https://127.0.0.1?x=1', 'ftp://127.0.0.1'])(
    'refuses %s (path, query, scheme)',
    async endpoint => {
      const outcome = await attempt({ with: { [input]: endpoint } })
      expectRefusedOffline(outcome, new RegExp(`input ${input}: `))
    }
  )

  it('refuses an endpoint with user info without printing the password', async () => {
    const outcome = await attempt({ with: { [input]: 'https://user:pa55word@127.0.0.1' } })
    expectRefusedOffline(outcome, new RegExp(`input ${input}: `))
    expect(outcome.result.allText).not.toContain('pa55word')
  })
})

describe('spec paths outside the workspace', () => {
  it('refuses ../ that leaves the workspace', async () => {
    // The workspace and `outside` are siblings in the temp directory: the path does lead to the file.
    const outcome = await attempt({ with: { spec: `../${path.basename(outside)}/mesh.yaml` } })
    expectRefusedOffline(outcome, /points outside the workspace/)
  })

  it('refuses an absolute path outside the workspace', async () => {
    const outcome = await attempt({ with: { spec: path.join(outside, 'mesh.yaml') } })
    expectRefusedOffline(outcome, /points outside the workspace/)
  })

  it('refuses a symbolic link to a file outside', async () => {
    const outcome = await attempt({
      prepare: async workspace => {
        await rm(path.join(workspace, SPEC_FILE))
        await symlink(path.join(outside, 'mesh.yaml'), path.join(workspace, SPEC_FILE))
      }
    })
    expectRefusedOffline(outcome, /is a link to a file outside the workspace/)
  })

  it('refuses a file inside a linked directory outside', async () => {
    const outcome = await attempt({
      with: { spec: 'config/mesh.yaml' },
      prepare: workspace => symlink(outside, path.join(workspace, 'config'))
    })
    expectRefusedOffline(outcome, /is a link to a file outside the workspace/)
  })

  it('refuses a link to a device', async () => {
    const outcome = await attempt({
      prepare: async workspace => {
        await rm(path.join(workspace, SPEC_FILE))
        await symlink('/dev/zero', path.join(workspace, SPEC_FILE))
      }
    })
    expectRefusedOffline(outcome, /outside the workspace/)
  })

  it('refuses a named pipe in the workspace instead of blocking on it', async () => {
    const outcome = await attempt({
      prepare: async workspace => {
        await rm(path.join(workspace, SPEC_FILE))
        execFileSync('mkfifo', [path.join(workspace, SPEC_FILE)])
      }
    })
    expectRefusedOffline(outcome, /is not a regular file/)
  })

  it('refuses a directory', async () => {
    const outcome = await attempt({
      with: { spec: 'specs' },
      prepare: workspace => mkdir(path.join(workspace, 'specs'))
    })
    expectRefusedOffline(outcome, /is a directory/)
  })
})

describe('spec contents', () => {
  const key = readCaFixture('ca-key.pem')
  const indented = key
    .trim()
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n')
  const literalKeySpec = `${MINIMAL}certificateAuthority:\n  useExisting: true\n  cert: \${ASM_CA_CERT}\n  key: |\n${indented}\n  certChain: \${ASM_CERT_CHAIN}\n`

  it('refuses a private key written into the spec, and does not print it', async () => {
    const outcome = await attempt({ files: { [SPEC_FILE]: literalKeySpec } })
    expectRefusedOffline(outcome, /1 error in the mesh spec; nothing was sent/)
    const annotations = outcome.result.commands
      .filter(command => command.name === 'error')
      .map(command => `${command.properties.line}: ${command.data}`)
    expect(annotations).toContainEqual(
      expect.stringMatching(/^12: .*certificateAuthority\.key must come from a secret, not from the file/)
    )
    const printed = outcome.result.allText
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    for (const line of key.split('\n').filter(l => l.length > 20 && !l.startsWith('-----')))
      expect(printed).not.toContain(line)
  })

  it('refuses a spec over 1 MiB', async () => {
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(1100)
    const outcome = await attempt({ files: { [SPEC_FILE]: `${MINIMAL}${padding}` } })
    expectRefusedOffline(outcome, /larger than 1 MiB/)
  })

  it('refuses an alias bomb without expanding it', async () => {
    const outcome = await attempt({ files: { [SPEC_FILE]: `${MINIMAL}${aliasBomb(9)}` } })
    expectRefusedOffline(outcome, /in the mesh spec; nothing was sent/)
    expect(errorsOf(outcome.result)).toMatch(/aliases expand to too many values|more than 100 aliases/)
  })

  it('refuses nesting deeper than any spec', async () => {
    const outcome = await attempt({
      files: { [SPEC_FILE]: `${MINIMAL}deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n` }
    })
    expectRefusedOffline(outcome, /in the mesh spec; nothing was sent/)
    expect(errorsOf(outcome.result)).toMatch(/nests deeper than 64 levels/)
  })
})
