/**
 * STS 2015-04-01 AssumeRoleWithOIDC (reference §4) and the key store it issues temporary keys into.
 */
import { randomBytes, randomInt } from 'node:crypto'
import type { KnownCredential } from '../../support/acs-signature.js'
import { AcsError, invalidParameter, missingParameter } from './acs-error.js'
import { isoSeconds } from './iso-time.js'
import { verifyOidcToken, type OidcTrust } from './oidc-token.js'

export interface StsTrust extends OidcTrust {
  providerArn: string
  roleArn: string
  /** the role's MaxSessionDuration in seconds; RAM allows 3600..43200 and defaults to 3600 */
  maxSessionDuration?: number
}

/** Static AccessKeys plus the temporary keys STS has issued. */
export class CredentialStore {
  private readonly keys = new Map<string, KnownCredential>()

  constructor(staticKeys: Record<string, string>) {
    for (const [id, secret] of Object.entries(staticKeys)) this.keys.set(id, { secret })
  }

  get(accessKeyId: string): KnownCredential | undefined {
    return this.keys.get(accessKeyId)
  }

  issue(expiresAt: number): { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string } {
    const issued = {
      AccessKeyId: `STS.${fromAlphabet(ALPHANUMERIC, 25)}`,
      AccessKeySecret: fromAlphabet(ALPHANUMERIC, 44),
      // Real tokens are long opaque Base64 (no fixed maximum); this keeps the shape and the + / = characters.
      SecurityToken: `CAIS${randomBytes(240).toString('base64')}`
    }
    this.keys.set(issued.AccessKeyId, {
      secret: issued.AccessKeySecret,
      securityToken: issued.SecurityToken,
      expiresAt
    })
    return issued
  }
}

const SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/

export function validateTrust(trust: StsTrust | undefined): void {
  const max = trust?.maxSessionDuration
  if (max !== undefined && !(Number.isInteger(max) && max >= 3600 && max <= 43200)) {
    throw new Error(
      `cloud emulator: oidc.maxSessionDuration must be an integer 3600..43200 (RAM's range), got ${max}`
    )
  }
}

export function assumeRoleWithOidc(
  params: Record<string, string>,
  trust: StsTrust | undefined,
  store: CredentialStore,
  now: number
): object {
  for (const name of ['OIDCProviderArn', 'RoleArn', 'OIDCToken', 'RoleSessionName']) {
    if (!params[name]) throw missingParameter(name)
  }
  const {
    OIDCProviderArn: providerArn,
    RoleArn: roleArn,
    OIDCToken: token,
    RoleSessionName: session
  } = params
  if (!SESSION_NAME.test(session)) {
    throw invalidParameter(
      'RoleSessionName',
      'use 2-64 characters of letters, digits, ".", "@", "-" and "_".'
    )
  }
  const maxDuration = trust?.maxSessionDuration ?? 3600
  const duration = Number(params.DurationSeconds ?? '3600')
  if (!/^\d+$/.test(params.DurationSeconds ?? '3600') || duration < 900 || duration > maxDuration) {
    throw invalidParameter(
      'DurationSeconds',
      `must be an integer from 900 to the role's maximum ${maxDuration}.`
    )
  }
  if (token.length < 4 || token.length > 20000)
    throw invalidParameter('OIDCToken', 'must be 4-20000 characters long.')
  if (params.Policy !== undefined && (params.Policy.length < 1 || params.Policy.length > 2048)) {
    throw invalidParameter('Policy', 'must be 1-2048 characters long.')
  }
  if (!trust || providerArn !== trust.providerArn) {
    throw new AcsError(401, 'AuthenticationFail.NoPermission', 'No such OIDC Provider registered.')
  }
  // 404 by analogy with the SAML table (reference §4.4).
  if (roleArn !== trust.roleArn)
    throw new AcsError(404, 'EntityNotExist.Role', `The role not exists: ${roleArn}.`)

  const claims = verifyOidcToken(token, trust, now)
  const expiresAt = now + duration * 1000
  return {
    OIDCTokenInfo: {
      Subject: claims.sub,
      Issuer: claims.iss,
      ClientIds: claims.aud.join(','),
      IssuanceTime: isoSeconds((claims.iat ?? now / 1000) * 1000),
      ExpirationTime: isoSeconds(claims.exp * 1000),
      VerificationInfo: 'Success'
    },
    AssumedRoleUser: {
      Arn: `${roleArn}/${session}`,
      AssumedRoleId: `${fromAlphabet('0123456789', 17)}:${session}`
    },
    Credentials: { ...store.issue(expiresAt), Expiration: isoSeconds(expiresAt) }
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function fromAlphabet(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('')
}
