/**
 * Which credentials to use (docs/contract.md §2: OIDC inputs → static inputs → environment → none), decided
 * before any network call so that a job that cannot work fails at once. Light on purpose: it is loaded
 * on every run, while the STS exchange (credentials.ts) is loaded only when credentials are needed.
 */
import { ActionError } from '../errors.js'
import type { Endpoint, OidcSettings, Settings, StaticKeys } from '../settings.js'

export type CredentialPlan =
  | {
      kind: 'oidc'
      oidc: OidcSettings
      stsEndpoint: Endpoint
      /** Scheme and host of ACTIONS_ID_TOKEN_REQUEST_URL, for messages: never its path or query. */
      tokenOrigin: string
    }
  | { kind: 'static' | 'env'; keys: StaticKeys }
  /** No credentials anywhere: plan mode goes on without cloud reads; apply fails (missingCredentialsError). */
  | { kind: 'none' }

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
function stsEndpointFor(settings: Pick<Settings, 'given' | 'region' | 'stsEndpoint'>): Endpoint {
  if (settings.given.has('sts-endpoint') || !settings.region || !REGIONAL_STS.has(settings.region))
    return settings.stsEndpoint
  return { protocol: 'https', host: `sts.${settings.region}.aliyuncs.com` }
}

/** `https://host[:port]` of a URL, whatever its path and query; a placeholder for a value that is not one. */
function originOf(url: string): string {
  try {
    const { protocol, host } = new URL(url)
    return `${protocol}//${host}`
  } catch {
    return 'a value that is not a URL'
  }
}

/** Chooses the credential source without touching the network; throws when the choice cannot work. */
export function preflightCredentials(
  settings: Pick<Settings, 'given' | 'oidc' | 'staticKeys' | 'region' | 'stsEndpoint'>,
  env: Settings['env']
): CredentialPlan {
  if (settings.oidc) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new ActionError(
        'role-to-assume is set, but this job cannot get a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).',
        'Add `permissions: id-token: write` to the job (or the workflow). Pull requests from forks never get an ' +
          'OIDC token: there, use static keys from secrets, run mode: plan without credentials, or skip the step.'
      )
    return {
      kind: 'oidc',
      oidc: settings.oidc,
      stsEndpoint: stsEndpointFor(settings),
      tokenOrigin: originOf(env.ACTIONS_ID_TOKEN_REQUEST_URL)
    }
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
