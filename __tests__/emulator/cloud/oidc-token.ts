/**
 * Verification of an OIDC token the way STS AssumeRoleWithOIDC does it against a RAM OIDC provider and a
 * role trust policy (reference §4.4, §6): RS256 signature, iss, aud ∈ Client IDs, exp, nbf, oidc:sub.
 * Statuses: 401 for AuthenticationFail.* by analogy with AssumeRoleWithSAML, not verified for OIDC (§8).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { AcsError } from './acs-error.js'

export interface OidcTrust {
  issuer: string
  publicKey: KeyObject | string
  clientIds: string[]
  /** trust-policy `oidc:sub` StringLike pattern; `*` matches any run of characters */
  subjectLike?: string
}

export interface OidcClaims {
  iss: string
  sub: string
  aud: string[]
  /** epoch seconds */
  exp: number
  iat?: number
  nbf?: number
}

/** Returns the token's claims, or throws the AcsError STS answers with. */
export function verifyOidcToken(token: string, trust: OidcTrust, nowMs: number): OidcClaims {
  const [header, payload] = decodeToken(token)
  if (header.alg !== 'RS256')
    throw invalidToken(`the token is signed with "${String(header.alg)}", expected RS256`)
  const [signedPart, signature] = [
    token.slice(0, token.lastIndexOf('.')),
    token.slice(token.lastIndexOf('.') + 1)
  ]
  const key = typeof trust.publicKey === 'string' ? createPublicKey(trust.publicKey) : trust.publicKey
  if (!verify('RSA-SHA256', Buffer.from(signedPart), key, Buffer.from(signature, 'base64url'))) {
    throw invalidToken('the token signature does not verify with the issuer public key')
  }
  const claims = readClaims(payload)
  if (claims.iss !== trust.issuer) {
    throw authenticationFail(
      'OIDCToken.IssuerNotMatch',
      "The issuer in the OIDC Token doesn't match the OIDC Provider registered."
    )
  }
  if (!claims.aud.some(aud => trust.clientIds.includes(aud))) {
    throw authenticationFail('OIDCToken.AudienceNotMatch', 'Invalid audience.')
  }
  const now = nowMs / 1000
  if (claims.exp <= now) throw authenticationFail('OIDCToken.Expired', 'This JsonWebToken is expired.')
  if (claims.nbf !== undefined && claims.nbf > now) throw invalidToken('the token is not valid yet (nbf)')
  if (trust.subjectLike !== undefined && !matchesLike(trust.subjectLike, claims.sub)) {
    throw authenticationFail('NoPermission', 'There is no permission.')
  }
  return claims
}

function decodeToken(token: string): [Record<string, unknown>, Record<string, unknown>] {
  const parts = token.split('.')
  if (parts.length !== 3) throw invalidToken('a JWT has three dot-separated parts')
  try {
    return [
      JSON.parse(Buffer.from(parts[0], 'base64url').toString()),
      JSON.parse(Buffer.from(parts[1], 'base64url').toString())
    ]
  } catch {
    throw invalidToken('the token header or payload is not Base64url-encoded JSON')
  }
}

function readClaims(payload: Record<string, unknown>): OidcClaims {
  const { iss, sub, aud, exp, iat, nbf } = payload
  const audiences = typeof aud === 'string' ? [aud] : aud
  const valid =
    typeof iss === 'string' &&
    typeof sub === 'string' &&
    Array.isArray(audiences) &&
    audiences.every(a => typeof a === 'string') &&
    typeof exp === 'number' &&
    [iat, nbf].every(t => t === undefined || typeof t === 'number')
  if (!valid) throw invalidToken('the token lacks iss, sub, aud or exp, or one of them has the wrong type')
  return {
    iss,
    sub,
    aud: audiences as string[],
    exp,
    iat: iat as number | undefined,
    nbf: nbf as number | undefined
  }
}

/** RAM StringLike as the brief defines it: `*` is a wildcard, everything else literal. */
function matchesLike(pattern: string, value: string): boolean {
  const regex = pattern
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${regex}$`, 's').test(value)
}

function invalidToken(detail: string): AcsError {
  return authenticationFail('OIDCToken.Invalid', `The OIDC token is invalid: ${detail}.`)
}

function authenticationFail(suffix: string, message: string): AcsError {
  return new AcsError(401, `AuthenticationFail.${suffix}`, message)
}
