/**
 * Action inputs → one typed, validated Settings object (docs/contract.md §2): the only place that reads
 * them. Every input problem is collected and reported together, before any file or network access, and
 * Settings says which inputs were given, so nothing downstream needs to look at an input again.
 */
import { stateKeyProblem } from './state/key.js'

export type Mode = 'plan' | 'apply' | 'destroy'
export type OnChange = 'update' | 'fail' | 'warn' | 'create'
export type StateBackend = 'github' | 'file'

/** Where a cloud API lives; `http` is only ever allowed for loopback hosts. */
export interface Endpoint {
  protocol: 'https' | 'http'
  /** host[:port], exactly as it goes into the Host header */
  host: string
}

export interface OidcSettings {
  roleArn: string
  providerArn: string
  audience: string
  roleSessionName: string
  durationSeconds: number
}

export interface StaticKeys {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
}

/** Facts about the workflow run, from the runner's GITHUB_* variables. */
export interface RunContext {
  workspace: string
  repository: string
  runId: string
  runAttempt: string
  sha: string
  ref: string
  actor: string
  eventName: string
  eventPath: string
  serverUrl: string
  apiUrl: string
}

export type InputName =
  | 'spec'
  | 'mode'
  | 'role-to-assume'
  | 'oidc-provider-arn'
  | 'audience'
  | 'role-session-name'
  | 'role-duration-seconds'
  | 'access-key-id'
  | 'access-key-secret'
  | 'security-token'
  | 'region'
  | 'endpoint'
  | 'sts-endpoint'
  | 'state'
  | 'state-file'
  | 'state-branch'
  | 'state-key'
  | 'github-token'
  | 'on-change'
  | 'adopt-existing'
  | 'wait'
  | 'wait-timeout-seconds'
  | 'comment'

/** The defaults of docs/contract.md §2, as action.yml declares them (a test keeps the two in step). */
export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> = {
  mode: 'apply',
  audience: 'sts.aliyuncs.com',
  'role-duration-seconds': '3600',
  endpoint: 'servicemesh.aliyuncs.com',
  'sts-endpoint': 'sts.aliyuncs.com',
  state: 'github',
  'state-branch': 'asm-state',
  'on-change': 'update',
  'adopt-existing': 'true',
  wait: 'true',
  'wait-timeout-seconds': '1200',
  comment: 'true'
}

export interface Settings {
  /**
   * The inputs set to something other than their default. The runner fills in action.yml's defaults
   * (docs/reference/runner-contract.md §1.1), so an input written out as its default counts as defaulted.
   */
  given: ReadonlySet<InputName>
  /** The step's environment: `${NAME}` in the spec, and the ALIBABA_CLOUD_* and ACTIONS_ID_TOKEN_* sources. */
  env: Readonly<Record<string, string | undefined>>
  specPath: string
  mode: Mode
  /** Set when both role-to-assume and oidc-provider-arn are given. */
  oidc?: OidcSettings
  /** Set when access-key-id and access-key-secret are given. */
  staticKeys?: StaticKeys
  region?: string
  endpoint: Endpoint
  stsEndpoint: Endpoint
  state: StateBackend
  /** Undefined → `.asm-state/<state-key>.json` once the key is known. */
  stateFile?: string
  stateBranch: string
  /** Undefined → `<region>/<name>` from the spec. */
  stateKey?: string
  githubToken: string
  onChange: OnChange
  adoptExisting: boolean
  wait: boolean
  waitTimeoutSeconds: number
  comment: boolean
  run: RunContext
}

export class SettingsError extends Error {
  constructor(
    readonly problems: string[],
    /** The mode as far as it could be read (its default when that input is bad too), for the report's heading. */
    readonly mode: Mode
  ) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} problems with the action inputs:\n- ${problems.join('\n- ')}`
    )
    this.name = 'SettingsError'
  }
}

const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@+=,/-]+$/
const PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.-]+$/
const SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** The same lookup @actions/core's getInput does: INPUT_<NAME, spaces to _, upper-cased>, trimmed. */
function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

/**
 * `host[:port]`, `https://host[:port]`, or `http://` to a loopback host. Anything else is refused
 * here, before a connection could be made.
 */
export function parseEndpoint(input: string, value: string): Endpoint {
  // Whatever stands before an @ may be a password: never echo it.
  const shown = value.replace(
    /^([^@/]*:\/\/)?[^@/]*@/,
    (_m, scheme: string | undefined) => `${scheme ?? ''}***@`
  )
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new Error(`input ${input}: "${shown}" is not a host[:port] or https:// URL`)
  }
  const protocol = url.protocol.slice(0, -1).toLowerCase()
  if (protocol !== 'https' && protocol !== 'http') {
    throw new Error(`input ${input}: scheme ${protocol}:// is not supported; use https://host[:port]`)
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new Error(`input ${input}: "${shown}" must be only a host and optional port, with no path or query`)
  }
  if (protocol === 'http' && !isLoopbackHost(url.hostname)) {
    throw new Error(
      `input ${input}: http:// is only allowed for loopback hosts (localhost, 127.0.0.1, ::1); ` +
        `use https://${url.host} so credentials never cross the network in clear text`
    )
  }
  return { protocol, host: url.host }
}

/** Reads inputs, remembering which were given and collecting every problem instead of stopping at one. */
function inputReader(env: NodeJS.ProcessEnv) {
  const problems: string[] = []
  const given = new Set<InputName>()
  const input = (name: InputName): string => {
    const value = getInput(env, name)
    if (value !== '' && value !== INPUT_DEFAULTS[name]) given.add(name)
    return value
  }
  return {
    problems,
    given,
    input,
    /** The value of fn, or the fallback with fn's error message as a problem. */
    attempt<T>(fn: () => T, fallback: T): T {
      try {
        return fn()
      } catch (e) {
        problems.push((e as Error).message)
        return fallback
      }
    },
    oneOf<T extends string>(name: InputName, allowed: readonly T[], fallback: T): T {
      const v = input(name) || fallback
      if ((allowed as readonly string[]).includes(v)) return v as T
      problems.push(`input ${name}: "${v}" is not one of ${allowed.join(', ')}`)
      return fallback
    },
    bool(name: InputName, fallback: boolean): boolean {
      const v = input(name)
      if (v === '') return fallback
      if (TRUE.includes(v)) return true
      if (FALSE.includes(v)) return false
      problems.push(
        `input ${name}: "${v}" is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)`
      )
      return fallback
    },
    integer(name: InputName, fallback: number, min: number, max: number): number {
      const v = input(name)
      if (v === '') return fallback
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        problems.push(`input ${name}: "${v}" must be a whole number from ${min} to ${max}`)
        return fallback
      }
      return Number(v)
    }
  }
}

type InputReader = ReturnType<typeof inputReader>

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const inputs = inputReader(env)
  const { input, oneOf, bool, integer, problems } = inputs
  const run = readRunContext(env)
  const specPath = input('spec')
  if (!specPath)
    problems.push('input spec: required; give the path of the mesh spec file, e.g. spec: mesh/prod.yaml')
  const mode = oneOf('mode', ['plan', 'apply', 'destroy'] as const, 'apply')
  const oidc = readOidc(inputs, run)
  const staticKeys = readStaticKeys(inputs)
  const region = input('region') || undefined
  if (region && !REGION.test(region))
    problems.push(`input region: "${region}" is not a region id such as cn-hangzhou`)
  const settings: Settings = {
    given: inputs.given,
    env,
    specPath,
    mode,
    ...(oidc ? { oidc } : {}),
    ...(staticKeys ? { staticKeys } : {}),
    ...(region ? { region } : {}),
    endpoint: readEndpoint(inputs, 'endpoint'),
    stsEndpoint: readEndpoint(inputs, 'sts-endpoint'),
    state: oneOf('state', ['github', 'file'] as const, 'github'),
    ...(input('state-file') ? { stateFile: input('state-file') } : {}),
    stateBranch: input('state-branch') || 'asm-state',
    ...(input('state-key') ? { stateKey: input('state-key') } : {}),
    githubToken: input('github-token'),
    onChange: oneOf('on-change', ['update', 'fail', 'warn', 'create'] as const, 'update'),
    adoptExisting: bool('adopt-existing', true),
    wait: bool('wait', true),
    waitTimeoutSeconds: integer('wait-timeout-seconds', 1200, 1, 86400),
    comment: bool('comment', true),
    run
  }
  const keyProblem = settings.stateKey === undefined ? undefined : stateKeyProblem(settings.stateKey)
  if (keyProblem)
    problems.push(
      `input state-key: ${JSON.stringify(settings.stateKey)} ${keyProblem}; use parts of A-Za-z0-9._- ` +
        'separated by /, such as cn-hangzhou/prod-mesh or preview/pr-7'
    )
  if (run.eventName === 'pull_request_target' && mode !== 'plan')
    problems.push(
      `input mode: ${mode} is refused on pull_request_target events: that event runs with the base ` +
        "repository's secrets and cloud role, while the spec may come from the pull request. Use mode: plan " +
        'there, and apply on push or workflow_dispatch after the merge (or on pull_request, with a role ' +
        'limited to preview meshes).'
    )
  if (problems.length) throw new SettingsError(problems, mode)
  return settings
}

function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com'
  }
}

function readOidc({ input, integer, problems }: InputReader, run: RunContext): OidcSettings | undefined {
  const roleArn = input('role-to-assume')
  const providerArn = input('oidc-provider-arn')
  if (!roleArn && !providerArn) return undefined
  if (!roleArn)
    problems.push('input role-to-assume: missing; OIDC needs both role-to-assume and oidc-provider-arn')
  if (!providerArn)
    problems.push('input oidc-provider-arn: missing; OIDC needs both role-to-assume and oidc-provider-arn')
  if (roleArn && !ROLE_ARN.test(roleArn))
    problems.push(
      `input role-to-assume: "${roleArn}" is not a RAM role ARN (acs:ram::<account-id>:role/<name>)`
    )
  if (providerArn && !PROVIDER_ARN.test(providerArn))
    problems.push(
      `input oidc-provider-arn: "${providerArn}" is not a RAM OIDC provider ARN (acs:ram::<account-id>:oidc-provider/<name>)`
    )
  const roleSessionName = input('role-session-name') || defaultSessionName(run)
  if (!SESSION_NAME.test(roleSessionName))
    problems.push(`input role-session-name: "${roleSessionName}" must be 2-64 characters of A-Za-z0-9.@_-`)
  return {
    roleArn,
    providerArn,
    audience: input('audience') || 'sts.aliyuncs.com',
    roleSessionName,
    durationSeconds: integer('role-duration-seconds', 3600, 900, 43200)
  }
}

function readStaticKeys({ input, problems }: InputReader): StaticKeys | undefined {
  const accessKeyId = input('access-key-id')
  const accessKeySecret = input('access-key-secret')
  const securityToken = input('security-token')
  if (!accessKeyId && !accessKeySecret && !securityToken) return undefined
  if (!accessKeyId)
    problems.push('input access-key-id: missing; static credentials need access-key-id and access-key-secret')
  if (!accessKeySecret)
    problems.push(
      'input access-key-secret: missing; static credentials need access-key-id and access-key-secret'
    )
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) }
}

/** An endpoint input, or its default; a bad value is a problem (and the default stands in for it). */
function readEndpoint({ input, attempt }: InputReader, name: 'endpoint' | 'sts-endpoint'): Endpoint {
  const fallback = INPUT_DEFAULTS[name] as string
  return attempt(() => parseEndpoint(name, input(name) || fallback), { protocol: 'https', host: fallback })
}

/** github-<run_id>-<run_attempt>, cut to STS's 64-character limit. */
export function defaultSessionName(run: Pick<RunContext, 'runId' | 'runAttempt'>): string {
  return `github-${run.runId || 'local'}-${run.runAttempt || '1'}`.slice(0, 64)
}
