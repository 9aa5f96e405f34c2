/**
 * Secret hygiene across the end-to-end scenarios: every byte the action emits (stdout, stderr, outputs,
 * job summary, files written in the workspace, HOME and RUNNER_TEMP, state records and commit messages on
 * the state branch, pull-request comments) is searched for every secret the runs handled, in the forms a
 * leak would take (as is, each PEM line, Base64, URL-encoded). The only place a secret may be written is
 * an `::add-mask::` command, and that command must come before the secret could have been printed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readCaFixture } from '../support/ca-fixture.js'
import type { CloudEmulator } from '../support/cloud-emulator.js'
import { ALL_PARAMETERS, readExample, startWorld, STATIC_KEY, type World } from '../support/e2e.js'
import type { RunResult } from '../support/runner.js'
import { run, type Run } from './e2e-helpers.js'

const FULL = readExample(ALL_PARAMETERS)
const PULL_REQUEST = {
  name: 'pull_request',
  payload: { pull_request: { number: 7, head: { ref: 'feature' }, base: { ref: 'main' } } }
}

/** The CA's private keys: a value mapped from secrets into env: and sent as Base64 of the PEM. */
const PRIVATE_KEYS = ['ca-key.pem', 'root-key.pem'].map(readCaFixture)

interface Scenario extends Run {
  name: string
  /** How the run should end: the scenarios are meant to succeed or fail. */
  exitCode: 0 | 1
  /** A line printed only once this scenario's credentials are in hand (or the run failed). */
  credentialsLine: RegExp
}

const SCENARIOS: Scenario[] = [
  {
    name: 'OIDC apply of the reference example with the CA block, waiting, step debug on',
    spec: FULL,
    with: { wait: true },
    debug: true,
    exitCode: 0,
    credentialsLine: /^Credentials: assumed /
  },
  { name: 're-run of the same step', spec: FULL, exitCode: 0, credentialsLine: /^Credentials: assumed / },
  {
    name: 'plan on a pull request with a changed spec, and its comment',
    spec: FULL.replace('sampling: 100', 'sampling: 50'),
    with: { mode: 'plan', 'on-change': 'warn' },
    event: PULL_REQUEST,
    exitCode: 0,
    credentialsLine: /^Credentials: assumed /
  },
  {
    name: 'a failing STS exchange (audience not a Client ID of the provider)',
    spec: FULL,
    with: { audience: 'not-a-client-id', 'state-key': 'sts/failure' },
    exitCode: 1,
    credentialsLine: /^::error::AssumeRoleWithOIDC failed/
  },
  {
    name: 'static keys from inputs',
    spec: FULL,
    credentials: 'static',
    with: { 'state-key': 'static/keys', 'adopt-existing': false },
    exitCode: 0,
    credentialsLine: /^Credentials: AccessKey /
  },
  {
    name: 'keys from the environment',
    spec: FULL,
    credentials: 'env',
    with: { 'state-key': 'env/keys', 'adopt-existing': false },
    exitCode: 0,
    credentialsLine: /^Credentials: AccessKey /
  },
  {
    name: 'an invalid spec that holds secrets (a CA key that does not match its cert, bad values)',
    spec: FULL.replace('cert: ${ASM_CA_CERT}', 'cert: ${ASM_ROOT_CERT}')
      .replace('sampling: 100', 'sampling: 101')
      .replace('name: all-parameters-reference', 'name: ${ASM_CA_KEY}'),
    exitCode: 1,
    credentialsLine: /^::error::mesh\.yaml: \d+ errors? in the mesh spec/
  }
]

let world: World
const results = new Map<string, RunResult>()

beforeAll(async () => {
  world = await startWorld()
  for (const scenario of SCENARIOS) results.set(scenario.name, await run(world, scenario))
}, 240_000)
afterAll(() => world?.stop())

/** The temporary keys STS issued (the emulator keeps them to verify signatures; tests read them there). */
function issuedStsKeys(cloud: CloudEmulator): { secret: string; securityToken: string }[] {
  const ids = new Set(cloud.calls.map(call => call.accessKeyId).filter(id => id?.startsWith('STS.')))
  const store = (
    cloud as unknown as { credentials: { get(id: string): { secret: string; securityToken?: string } } }
  ).credentials
  return [...ids].map(id => {
    const known = store.get(id as string)
    return { secret: known.secret, securityToken: known.securityToken ?? '' }
  })
}

/** What must never be emitted: each secret the runs handled, named for the failure message. */
function secrets(): Map<string, string> {
  const found = new Map<string, string>()
  const sts = issuedStsKeys(world.cloud)
  sts.forEach(({ secret, securityToken }, i) => {
    found.set(`STS AccessKeySecret #${i + 1}`, secret)
    found.set(`STS SecurityToken #${i + 1}`, securityToken)
  })
  world.github.issuedTokens.forEach((jwt, i) => {
    found.set(`OIDC token #${i + 1}`, jwt)
    found.set(`OIDC token #${i + 1} signature`, jwt.split('.')[2])
  })
  found.set('static AccessKey secret', STATIC_KEY.secret)
  found.set('GitHub token', world.github.token)
  found.set('ACTIONS_ID_TOKEN_REQUEST_TOKEN', world.github.idTokenRequestToken)
  PRIVATE_KEYS.forEach((pem, k) => {
    const key = `CA private key ${k + 1}`
    found.set(`${key} (PEM)`, pem.trim())
    found.set(`${key} (Base64 of the PEM, the wire form)`, Buffer.from(pem).toString('base64'))
    const body = pem.split('\n').filter(line => line && !line.startsWith('-----'))
    found.set(`${key} (DER Base64 on one line)`, body.join(''))
    body.filter(line => line.length > 20).forEach((line, i) => found.set(`${key} (PEM line ${i + 2})`, line))
  })
  return found
}

/** A secret and the encodings a leak would show it in. */
function forms(secret: string): string[] {
  return [...new Set([secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)])]
}

const withoutAddMask = (text: string) =>
  text
    .split(/\r?\n/)
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')

/** Every byte emitted, by where it went. */
function emitted(): Map<string, string> {
  const places = new Map<string, string>()
  for (const [name, result] of results) {
    places.set(`${name}: log, file commands and files written`, withoutAddMask(result.allText))
    places.set(`${name}: outputs`, JSON.stringify(result.outputs))
    places.set(`${name}: summary`, result.summary)
    places.set(`${name}: annotations`, JSON.stringify(result.annotations))
  }
  for (const [path, content] of world.github.files('asm-state')) places.set(`state branch: ${path}`, content)
  places.set(
    'state branch: commit messages',
    world.github
      .commits('asm-state')
      .map(c => c.message)
      .join('\n')
  )
  world.github.comments.forEach(c => places.set(`comment ${c.id} on #${c.issue}`, c.body))
  return places
}

describe('secret hygiene across the end-to-end scenarios', () => {
  it('ran every scenario to the end it was meant to have, and handled every kind of secret', () => {
    for (const scenario of SCENARIOS) {
      const result = results.get(scenario.name)
      expect({ scenario: scenario.name, exitCode: result?.exitCode }).toEqual({
        scenario: scenario.name,
        exitCode: scenario.exitCode
      })
    }
    expect(issuedStsKeys(world.cloud).length).toBeGreaterThanOrEqual(3)
    expect(world.github.issuedTokens.length).toBeGreaterThanOrEqual(4)
    expect(world.github.comments).toHaveLength(1)
    expect(world.cloud.meshes.length).toBeGreaterThanOrEqual(3)
    // The keys really went out, as Base64 of the PEM, on the first create.
    const [firstCreate] = world.cloud.calls.filter(call => call.action === 'CreateServiceMesh')
    expect(firstCreate.body.ExistingCaKey).toBe(Buffer.from(PRIVATE_KEYS[0]).toString('base64'))
  })

  it('never emits a secret in any form, anywhere', () => {
    const leaks: string[] = []
    const places = emitted()
    // The search sees the bytes: the raw log does hold the secrets, in the add-mask commands left out here.
    const [first] = results.values()
    expect(first.allText).toContain(Buffer.from(PRIVATE_KEYS[0]).toString('base64'))
    expect([...places.keys()].filter(place => /^(state branch|comment)/.test(place))).toHaveLength(6)
    for (const [secretName, secret] of secrets()) {
      expect(secret.length).toBeGreaterThan(8)
      for (const form of forms(secret))
        for (const [place, text] of places) if (text.includes(form)) leaks.push(`${secretName} in ${place}`)
    }
    expect(leaks).toEqual([])
  })

  it('registers each secret it handles with ::add-mask:: before it could be printed', () => {
    const problems: string[] = []
    for (const scenario of SCENARIOS) {
      const result = results.get(scenario.name) as RunResult
      const lines = result.stdout.split(/\r?\n/)
      const maskedAt = (value: string) => lines.indexOf(addMaskLine(value))
      const firstAt = (pattern: RegExp) => lines.findIndex(line => pattern.test(line))
      const annotationAt = firstAt(/^::(error|warning)/)
      const credentialsAt = firstAt(scenario.credentialsLine)
      expect({ scenario: scenario.name, credentialsAt }).toEqual({
        scenario: scenario.name,
        credentialsAt: expect.any(Number)
      })
      expect(credentialsAt).toBeGreaterThanOrEqual(0)

      const check = (what: string, value: string, before: number) => {
        const at = maskedAt(value)
        if (at < 0) problems.push(`${scenario.name}: ${what} never masked`)
        else if (before >= 0 && at > before)
          problems.push(`${scenario.name}: ${what} masked on line ${at}, after line ${before}`)
      }
      // Spec secrets: before the first annotation (the diagnostics).
      PRIVATE_KEYS.forEach((pem, k) => {
        check(`CA private key ${k + 1} (PEM)`, pem, annotationAt)
        check(`CA private key ${k + 1} (Base64 wire form)`, Buffer.from(pem).toString('base64'), annotationAt)
      })
      if (scenario.name.startsWith('an invalid spec')) continue
      // Credentials: before the line that says which credentials are used (or the STS failure).
      if (scenario.credentials === 'static' || scenario.credentials === 'env')
        check('the AccessKey secret', STATIC_KEY.secret, credentialsAt)
      else check('the OIDC token', tokenOf(result), credentialsAt)
    }
    for (const [i, { secret, securityToken }] of issuedStsKeys(world.cloud).entries()) {
      const owner = [...results].find(([, r]) => r.masks.includes(secret))
      if (!owner) {
        problems.push(`STS keys #${i + 1} never masked`)
        continue
      }
      const [name, result] = owner
      const lines = result.stdout.split(/\r?\n/)
      const assumed = lines.findIndex(line => line.startsWith('Credentials: assumed '))
      for (const [what, value] of [
        ['AccessKeySecret', secret],
        ['SecurityToken', securityToken]
      ]) {
        const at = lines.indexOf(addMaskLine(value))
        if (at < 0 || at > assumed)
          problems.push(`${name}: STS ${what} masked at line ${at}, credentials at ${assumed}`)
      }
    }
    expect(problems).toEqual([])
  })
})

/** The OIDC token this run received: the issued JWT it registered as a mask. */
function tokenOf(result: RunResult): string {
  const token = world.github.issuedTokens.find(jwt => result.masks.includes(jwt))
  return token ?? 'no issued OIDC token was masked in this run'
}

/** The line @actions/core prints for setSecret(value) (data escaped as the toolkit does). */
const addMaskLine = (value: string) =>
  `::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`
