/**
 * A credential plan (credential-plan.ts) turned into Credentials: keys as given, or for OIDC the GitHub
 * token exchanged at STS AssumeRoleWithOIDC, with errors turned into trust-policy advice.
 */
import { ActionError } from '../errors.js'
import type { Log } from '../log.js'
import type { OidcSettings } from '../settings.js'
import { missingCredentialsError, type CredentialPlan } from './credential-plan.js'
import { realSleep, type Clock } from '../clock.js'
import { longestMs, RETRY, retrying, TIMEOUTS, type CallTimeout, type RetryPolicy } from '../retry.js'
import { createApiClient, type Transport } from './client.js'
import { CloudCallError } from './failure.js'
import type { Credentials } from './types.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface CredentialDeps {
  /** @actions/core getIDToken: the token stays in memory, never on disk. */
  getIDToken(audience: string): Promise<string>
  setSecret(value: string): void
  log: Log
  sleep?: Clock['sleep']
  random?: Clock['random']
  retry?: Partial<RetryPolicy>
  stsTimeout?: CallTimeout
  /** Per token request; default TIMEOUTS.oidcTokenMs. */
  idTokenTimeoutMs?: number
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

export async function resolveCredentials(plan: CredentialPlan, deps: CredentialDeps): Promise<Credentials> {
  switch (plan.kind) {
    case 'none':
      throw missingCredentialsError()
    case 'static':
    case 'env': {
      deps.setSecret(plan.keys.accessKeySecret)
      if (plan.keys.securityToken) deps.setSecret(plan.keys.securityToken)
      deps.log.info(
        `Credentials: AccessKey ${redactedId(plan.keys.accessKeyId)} from ${plan.kind === 'static' ? 'the action inputs' : 'the environment'}`
      )
      return { ...plan.keys, source: plan.kind }
    }
    case 'oidc':
      return assumeRoleWithOidc(plan, deps)
  }
}

/** The time limit of a token request ran out. */
class NoAnswer extends Error {}

/** `promise`, or NoAnswer after `ms`. The promise given up on may still fail later: that is not unhandled. */
function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer()), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/**
 * The GitHub OIDC token, each attempt within TIMEOUTS.oidcTokenMs: getIDToken has no time limit of its
 * own. Only an attempt without an answer is repeated (RETRY.oidcToken); getIDToken repeats 5xx answers.
 */
async function requestIdToken(
  { oidc, tokenOrigin }: Extract<CredentialPlan, { kind: 'oidc' }>,
  deps: CredentialDeps
): Promise<string> {
  const timeoutMs = deps.idTokenTimeoutMs ?? TIMEOUTS.oidcTokenMs
  const policy = RETRY.oidcToken
  const seconds = `${timeoutMs / 1000} s`
  const failed = `Could not get a GitHub OIDC token for audience "${oidc.audience}"`
  try {
    return await retrying(() => withinMs(deps.getIDToken(oidc.audience), timeoutMs), {
      policy,
      clock: { sleep: deps.sleep ?? realSleep, random: deps.random ?? Math.random },
      retryable: error =>
        error instanceof NoAnswer
          ? { reason: `The OIDC token endpoint at ${tokenOrigin} gave no answer within ${seconds}` }
          : undefined,
      log: line => deps.log.info(line),
      exhausted: (_, attempts) =>
        new ActionError(
          `${failed}: the token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL at ${tokenOrigin}) gave no answer within ` +
            `${seconds}, on each of ${attempts} attempts (about ${Math.round(longestMs(policy, timeoutMs) / 1000)} s in all).`,
          'The runner hands out this token, and its token service did not answer. Re-run the job; on a self-hosted ' +
            `runner, check that it can reach ${tokenOrigin} (proxy and firewall settings). Static keys from ` +
            'secrets (access-key-id and access-key-secret) need no token.'
        )
    })
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(
      `${failed}: ${(error as Error).message}`,
      'Check that the job has `permissions: id-token: write`; pull requests from forks never get a token.'
    )
  }
}

async function assumeRoleWithOidc(
  plan: Extract<CredentialPlan, { kind: 'oidc' }>,
  deps: CredentialDeps
): Promise<Credentials> {
  const { oidc, stsEndpoint: sts } = plan
  const token = await requestIdToken(plan, deps)
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
      timeout: deps.stsTimeout ?? TIMEOUTS.sts
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

/** Enough of an AccessKey ID to tell keys apart in a log, not the whole credential: `LTAI…mKeY`. */
const redactedId = (id: string): string => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…')
