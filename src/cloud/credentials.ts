/**
 * Which credentials to use (contract §2: OIDC inputs → static inputs → environment → none), checked
 * before any network call, and turned into Credentials (OIDC: GitHub token → STS AssumeRoleWithOIDC).
 */
import { ActionError } from '../errors.js'
import type { Log } from '../log.js'
import { getInput, type Endpoint, type OidcSettings, type Settings, type StaticKeys } from '../settings.js'
import { createApiClient, type CallTimeout, type RetryPolicy, type Transport } from './client.js'
import { CloudCallError } from './failure.js'
import type { Sleep } from './sleep.js'
import type { Credentials } from './types.js'

export type CredentialPlan =
  | { kind: 'oidc'; oidc: OidcSettings; stsEndpoint: Endpoint }
  | { kind: 'static' | 'env'; keys: StaticKeys }
  /** No credentials anywhere: plan mode goes on without cloud reads; apply fails (missingCredentialsError). */
  | { kind: 'none' }

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** Regions with their own public STS endpoint (reference alibaba-signing-sts.md §4.2). */
const REGIONAL_STS = new Set([
  'cn-hangzhou',
  'cn-shanghai',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-chengdu',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-northeast-1',
  'us-west-1',
  'us-east-1',
  'eu-central-1',
  'eu-west-1',
  'ap-south-1',
  'me-east-1'
])

/** The sts-endpoint input when given; else the region's STS endpoint when the region input names one. */
export function stsEndpointFor(
  settings: Pick<Settings, 'region' | 'stsEndpoint'>,
  env: NodeJS.ProcessEnv
): Endpoint {
  if (getInput(env, 'sts-endpoint') || !settings.region || !REGIONAL_STS.has(settings.region))
    return settings.stsEndpoint
  return { protocol: 'https', host: `sts.${settings.region}.aliyuncs.com` }
}

/** Chooses the credential source without touching the network; throws when the choice cannot work. */
export function preflightCredentials(
  settings: Pick<Settings, 'oidc' | 'staticKeys' | 'region' | 'stsEndpoint'>,
  env: NodeJS.ProcessEnv
): CredentialPlan {
  if (settings.oidc) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new ActionError(
        'role-to-assume is set, but this job cannot get a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).',
        'Add `permissions: id-token: write` to the job (or the workflow). Pull requests from forks never get an ' +
          'OIDC token: there, use static keys from secrets, run mode: plan without credentials, or skip the step.'
      )
    return { kind: 'oidc', oidc: settings.oidc, stsEndpoint: stsEndpointFor(settings, env) }
  }
  if (settings.staticKeys) return { kind: 'static', keys: settings.staticKeys }
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim() ?? ''
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim() ?? ''
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim() ?? ''
  if (!accessKeyId && !accessKeySecret) return { kind: 'none' }
  if (!accessKeyId || !accessKeySecret)
    throw new ActionError(
      `ALIBABA_CLOUD_ACCESS_KEY_${accessKeyId ? 'SECRET' : 'ID'} is not set, but ALIBABA_CLOUD_ACCESS_KEY_${accessKeyId ? 'ID' : 'SECRET'} is.`,
      'Set both environment variables (or neither), for example from the same pair of secrets.'
    )
  return { kind: 'env', keys: { accessKeyId, accessKeySecret, ...(securityToken && { securityToken }) } }
}

export function missingCredentialsError(): ActionError {
  return new ActionError(
    'mode apply needs Alibaba Cloud credentials, and none were given.',
    'Give them one of three ways: (1) OIDC: role-to-assume and oidc-provider-arn, with `permissions: id-token: write` ' +
      'on the job; (2) static keys: access-key-id and access-key-secret (and security-token) from secrets; ' +
      '(3) the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
      '(and ALIBABA_CLOUD_SECURITY_TOKEN), as aliyun/configure-aliyun-credentials-action exports them.'
  )
}

export interface CredentialDeps {
  /** @actions/core getIDToken: the token stays in memory, never on disk. */
  getIDToken(audience: string): Promise<string>
  setSecret(value: string): void
  log: Log
  sleep?: Sleep
  random?: () => number
  retry?: Partial<RetryPolicy>
  stsTimeout?: CallTimeout
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

/** AssumeRoleWithOIDC answers in well under a second; 10 s allows a slow network, not a hung one. */
export const STS_TIMEOUT: CallTimeout = { readMs: 10000, connectMs: 10000 }

export async function resolveCredentials(plan: CredentialPlan, deps: CredentialDeps): Promise<Credentials> {
  switch (plan.kind) {
    case 'none':
      throw missingCredentialsError()
    case 'static':
    case 'env': {
      deps.setSecret(plan.keys.accessKeySecret)
      if (plan.keys.securityToken) deps.setSecret(plan.keys.securityToken)
      deps.log.info(
        `Credentials: AccessKey ${plan.keys.accessKeyId} from ${plan.kind === 'static' ? 'the action inputs' : 'the environment'}`
      )
      return { ...plan.keys, source: plan.kind }
    }
    case 'oidc':
      return assumeRoleWithOidc(plan.oidc, plan.stsEndpoint, deps)
  }
}

async function assumeRoleWithOidc(
  oidc: OidcSettings,
  sts: Endpoint,
  deps: CredentialDeps
): Promise<Credentials> {
  let token: string
  try {
    token = await deps.getIDToken(oidc.audience)
  } catch (error) {
    throw new ActionError(
      `Could not get a GitHub OIDC token for audience "${oidc.audience}": ${(error as Error).message}`,
      'Check that the job has `permissions: id-token: write`; pull requests from forks never get a token.'
    )
  }
  deps.setSecret(token)
  const client = createApiClient({
    endpoint: sts,
    log: deps.log,
    sleep: deps.sleep,
    random: deps.random,
    retry: deps.retry,
    transport: deps.transport
  })
  let response
  try {
    // Parameters in the query, as sts20150401 1.1.4 sends them through this library (reference §4.1).
    response = await client.call({
      action: 'AssumeRoleWithOIDC',
      version: '2015-04-01',
      method: 'POST',
      anonymous: true,
      query: {
        OIDCProviderArn: oidc.providerArn,
        RoleArn: oidc.roleArn,
        OIDCToken: token,
        RoleSessionName: oidc.roleSessionName,
        DurationSeconds: String(oidc.durationSeconds)
      },
      timeout: deps.stsTimeout ?? STS_TIMEOUT
    })
  } catch (error) {
    if (error instanceof CloudCallError && error.failure.kind === 'client')
      throw new ActionError(error.message, stsAdvice(error.failure.code ?? '', oidc, token) ?? error.advice)
    throw error
  }
  const issued = response.body.Credentials as Record<string, unknown> | undefined
  const field = (name: string) => (typeof issued?.[name] === 'string' ? (issued[name] as string) : '')
  const accessKeyId = field('AccessKeyId')
  const accessKeySecret = field('AccessKeySecret')
  const securityToken = field('SecurityToken')
  // Masked before anything else can print them.
  if (accessKeySecret) deps.setSecret(accessKeySecret)
  if (securityToken) deps.setSecret(securityToken)
  if (!accessKeyId || !accessKeySecret || !securityToken)
    throw new ActionError(
      `AssumeRoleWithOIDC answered without Credentials.AccessKeyId/AccessKeySecret/SecurityToken; ` +
        `request id ${response.requestId || 'none'}`,
      `Check that ${sts.host} is an Alibaba Cloud STS endpoint (the sts-endpoint input).`
    )
  const expiration = field('Expiration')
  deps.log.info(
    `Credentials: assumed ${oidc.roleArn} with the GitHub OIDC token via ${sts.host}` +
      (expiration ? ` (valid until ${expiration})` : '')
  )
  return { accessKeyId, accessKeySecret, securityToken, source: 'oidc', ...(expiration && { expiration }) }
}

/** The token's claims that trust policies test; none of them is secret. The signature is not checked. */
export function tokenClaims(token: string): Record<'iss' | 'sub' | 'aud' | 'repository' | 'ref', string> {
  let payload: Record<string, unknown> = {}
  try {
    payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  } catch {
    // Not a JWT: every claim shows as "?" below.
  }
  const claim = (name: string) => {
    const value = payload?.[name]
    return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '?'
  }
  return {
    iss: claim('iss'),
    sub: claim('sub'),
    aud: claim('aud'),
    repository: claim('repository'),
    ref: claim('ref')
  }
}

function stsAdvice(code: string, oidc: OidcSettings, token: string): string | undefined {
  const claims = tokenClaims(token)
  const shown = Object.entries(claims)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')
  if (code.endsWith('AudienceNotMatch'))
    return (
      `The audience input ("${oidc.audience}") must equal a Client ID of the RAM OIDC provider ${oidc.providerArn}: ` +
      'change the input or add it as a Client ID.'
    )
  if (code.endsWith('IssuerNotMatch'))
    return `The RAM OIDC provider ${oidc.providerArn} must have the issuer URL ${GITHUB_ISSUER} (the token's iss is ${claims.iss}).`
  if (code === 'AuthenticationFail.NoPermission')
    return (
      `The trust policy of ${oidc.roleArn} must allow the provider ${oidc.providerArn} with conditions that match ` +
      `this token: oidc:iss = ${claims.iss}, oidc:aud = ${claims.aud}, oidc:sub = ${claims.sub} ` +
      `(StringLike with * works, e.g. repo:${claims.repository}:*). Token claims: ${shown}.`
    )
  if (code.startsWith('EntityNotExist.Role'))
    return `The role ${oidc.roleArn} does not exist: check role-to-assume (account id and role name).`
  if (code.endsWith('Expired'))
    return 'The token had expired when STS checked it: re-run the job; on a self-hosted runner, check the clock (NTP).'
  if (code.endsWith('PublicKeyFingerprintMismatch') || code.endsWith('IssuerConfigurationBroken'))
    return `Update the fingerprint of the RAM OIDC provider ${oidc.providerArn} for ${GITHUB_ISSUER}.`
  if (code.startsWith('AuthenticationFail'))
    return `STS rejected the GitHub token for ${oidc.roleArn}. Token claims: ${shown}.`
  return undefined
}
