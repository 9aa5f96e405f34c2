/** RS256 tokens shaped like GitHub's OIDC tokens (reference §5), signed with node:crypto. */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

export function signJwt(
  privateKey: KeyObject,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { typ: 'JWT', alg: 'RS256', kid: 'emulator-key' }
): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url')
  const signed = `${encode(header)}.${encode(claims)}`
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`
}

/** Claims of a push to main in octo-org/octo-repo, valid from now for 5 minutes. */
export function githubClaims(audience: string, nowMs = Date.now()): Record<string, unknown> {
  const iat = Math.floor(nowMs / 1000)
  return {
    iss: GITHUB_ISSUER,
    aud: audience,
    sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    ref: 'refs/heads/main',
    run_id: '42',
    run_attempt: '1',
    iat,
    nbf: iat - 5,
    exp: iat + 300
  }
}
