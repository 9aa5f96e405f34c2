/**
 * Scenario kit for the end-to-end tests: the cloud emulator and the GitHub emulator wired together (STS
 * trusts the GitHub emulator's OIDC issuer and key), and the RunOptions a workflow step would give the
 * bundled action: endpoints on loopback, the GitHub API and repository, OIDC or key credentials, a
 * workspace holding the spec.
 *
 * The bundle run is `dist/index.js`, which `npm test` rebuilds from the source before Jest starts, or
 * the file named by E2E_DIST (e.g. `ncc build src/index.ts -o /tmp/e2e-dist`).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { caEnv } from './ca-fixture.js'
import { startCloudEmulator, type CloudEmulator, type CloudEmulatorOptions } from './cloud-emulator.js'
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from './github-emulator.js'
import { REPO_ROOT, runAction, type RunOptions, type RunResult, type WithValues } from './runner.js'

export const DIST = process.env.E2E_DIST ?? path.join(REPO_ROOT, 'dist', 'index.js')

export const OWNER = 'octo-org'
export const REPO = 'mesh-config'
export const REPOSITORY = `${OWNER}/${REPO}`
export const ROLE_ARN = 'acs:ram::1234567890123456:role/github-mesh-deployer'
export const PROVIDER_ARN = 'acs:ram::1234567890123456:oidc-provider/github'
/** The action's default `audience`, configured as the RAM OIDC provider's Client ID. */
export const AUDIENCE = 'sts.aliyuncs.com'
/** A RAM user's AccessKey known to the cloud emulator (test values, protect nothing). */
export const STATIC_KEY = { id: 'LTAI5tE2eStaticKeyId000001', secret: 'e2eStaticSecret0000000000000001' }

export const SPEC_FILE = 'mesh.yaml'
/** The file that sets every parameter: a reference for the tests, not a spec to copy. */
export const ALL_PARAMETERS = 'reference/all-parameters.yaml'
export const readExample = (name: typeof ALL_PARAMETERS | 'minimal.yaml'): string =>
  readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8')

export interface World {
  cloud: CloudEmulator
  github: GitHubEmulator
  stop(): Promise<void>
}

export interface WorldOptions {
  /** Emulator time from CreateServiceMesh to `running` (or `failed`); small by default. */
  provisionMs?: number
  cloud?: Partial<CloudEmulatorOptions>
  github?: GitHubEmulatorOptions
}

/** Both emulators on loopback; the cloud's STS trusts tokens the GitHub emulator issues for REPOSITORY. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const github = await startGitHubEmulator({ owner: OWNER, repo: REPO, ...options.github })
  const cloud = await startCloudEmulator({
    accessKeys: { [STATIC_KEY.id]: STATIC_KEY.secret },
    oidc: {
      issuer: github.issuer,
      publicKey: github.publicKey,
      clientIds: [AUDIENCE],
      providerArn: PROVIDER_ARN,
      roleArn: ROLE_ARN,
      subjectLike: `repo:${REPOSITORY}:*`
    },
    provisionMs: options.provisionMs ?? 50,
    // examples/reference/all-parameters.yaml sends one extraParameters entry the API table does not know.
    acceptParameters: ['SomeFutureFlag'],
    ...options.cloud
  })
  return { cloud, github, stop: async () => void (await Promise.all([cloud.stop(), github.stop()])) }
}

export type CredentialChoice = 'oidc' | 'static' | 'env' | 'none'

export interface Scenario {
  /** GITHUB_WORKSPACE holding the spec at SPEC_FILE (see createWorkspace). */
  workspace: string
  node?: string
  credentials?: CredentialChoice
  /** Overlaid on the kit's `with:` (an undefined value removes a kit input). */
  with?: Record<string, string | number | boolean | undefined>
  env?: Record<string, string | undefined>
  event?: RunOptions['event']
  github?: RunOptions['github']
  /** Default: the emulator's read-write token. */
  githubToken?: string
  sendSignal?: RunOptions['sendSignal']
  /** Kill the step after this long (the harness default is 45 s). */
  timeoutMs?: number
}

/** The `with:` and env a workflow step gives the action for this scenario. */
export function scenarioOptions(world: World, scenario: Scenario): RunOptions {
  const credentials = scenario.credentials ?? 'oidc'
  const inputs: Record<string, string | number | boolean | undefined> = {
    spec: SPEC_FILE,
    endpoint: world.cloud.url,
    'sts-endpoint': world.cloud.url,
    'wait-timeout-seconds': 60,
    ...(credentials === 'oidc' && { 'role-to-assume': ROLE_ARN, 'oidc-provider-arn': PROVIDER_ARN }),
    ...(credentials === 'static' && {
      'access-key-id': STATIC_KEY.id,
      'access-key-secret': STATIC_KEY.secret
    }),
    ...scenario.with
  }
  const env: Record<string, string | undefined> = {
    ...caEnv(),
    ...(credentials === 'oidc' && {
      ACTIONS_ID_TOKEN_REQUEST_URL: world.github.idTokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.github.idTokenRequestToken
    }),
    ...(credentials === 'env' && {
      ALIBABA_CLOUD_ACCESS_KEY_ID: STATIC_KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: STATIC_KEY.secret
    }),
    ...scenario.env
  }
  return {
    dist: DIST,
    node: scenario.node,
    workspace: scenario.workspace,
    with: Object.fromEntries(
      Object.entries(inputs).filter((entry): entry is [string, WithValues[string]] => entry[1] !== undefined)
    ),
    env,
    githubToken: scenario.githubToken ?? world.github.token,
    github: { apiUrl: world.github.url, repository: REPOSITORY, ...scenario.github },
    event: scenario.event,
    sendSignal: scenario.sendSignal,
    timeoutMs: scenario.timeoutMs
  }
}

export const runScenario = (world: World, scenario: Scenario): Promise<RunResult> =>
  runAction(scenarioOptions(world, scenario))

/** The state document on the state branch for a state key, parsed; undefined when there is none. */
export function stateOnBranch(
  world: World,
  stateKey: string,
  branch = 'asm-state'
): StateFileView | undefined {
  const text = world.github.files(branch).get(`${stateKey}.json`)
  return text === undefined ? undefined : { text, document: JSON.parse(text) as StateFileDocument }
}

export interface StateFileView {
  /** The file as committed, for secret-hygiene checks. */
  text: string
  document: StateFileDocument
}

/** The parts of the state document the scenarios look at (docs/contract.md §5), read as plain JSON. */
export interface StateFileDocument {
  stateKey: string
  current?: StateFileRecord
  pending?: unknown
  history: StateFileRecord[]
}

export interface StateFileRecord {
  meshId: string
  requestId: string
  origin: string
  name: string
  region: string
  parameters: { path: string; parameter: string; value: string }[]
  commitSha: string
  runId: string
  runAttempt: string
  actor: string
  repository: string
  time: string
}

/** Cloud calls by action name, STS included. */
export const callsNamed = (cloud: CloudEmulator, action: string) =>
  cloud.calls.filter(c => c.action === action)

/** Requests to the OIDC token endpoint (as opposed to the REST API). */
export const tokenRequests = (github: GitHubEmulator) =>
  github.requests.filter(r => r.path === '/_oidc/token')
