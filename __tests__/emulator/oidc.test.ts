/**
 * STS AssumeRoleWithOIDC: the success body of reference §4.3, and each way the token, the trust or the
 * parameters can be wrong (§4.1, §4.4).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { stringify } from 'node:querystring'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { GITHUB_ISSUER, githubClaims, rsaKeyPair, signJwt } from './helpers/jwt.js'
import { callApi, failureOf, openApiClient } from './helpers/openapi.js'
import { send } from './helpers/raw-http.js'

const PROVIDER_ARN = 'acs:ram::1234567890123456:oidc-provider/GitHub'
const ROLE_ARN = 'acs:ram::1234567890123456:role/mesh-deployer'
const AUDIENCE = 'sts.aliyuncs.com'
const NOW = Date.parse('2026-11-28T10:00:00Z')

const issuerKeys = rsaKeyPair()
const otherKeys = rsaKeyPair()
let emulator: CloudEmulator

function token(overrides: Record<string, unknown> = {}): string {
  return signJwt(issuerKeys.privateKey, { ...githubClaims(AUDIENCE, NOW), ...overrides })
}

function assume(params: Record<string, string | undefined>, target = emulator) {
  const query = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >
  const call = { action: 'AssumeRoleWithOIDC', version: '2015-04-01', method: 'POST' as const, query }
  return callApi(openApiClient(target), call, true)
}

function valid(overrides: Record<string, string | undefined> = {}) {
  return {
    OIDCProviderArn: PROVIDER_ARN,
    RoleArn: ROLE_ARN,
    OIDCToken: token(),
    RoleSessionName: 'github-42-1',
    DurationSeconds: '3600',
    ...overrides
  }
}

beforeAll(async () => {
  emulator = await startCloudEmulator({
    oidc: {
      issuer: GITHUB_ISSUER,
      publicKey: issuerKeys.publicKey,
      clientIds: ['other-client', AUDIENCE],
      providerArn: PROVIDER_ARN,
      roleArn: ROLE_ARN,
      subjectLike: 'repo:octo-org/octo-repo:*',
      maxSessionDuration: 7200
    },
    // Anonymous calls carry no signature, so the SDK's real date does not matter here.
    clock: () => NOW
  })
})

afterAll(async () => {
  await emulator.stop()
})

describe('AssumeRoleWithOIDC succeeds', () => {
  it('answers the documented body with keys valid for DurationSeconds', async () => {
    const { statusCode, body } = await assume(valid())
    expect(statusCode).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['AssumedRoleUser', 'Credentials', 'OIDCTokenInfo', 'RequestId'])
    expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
    expect(body.OIDCTokenInfo).toEqual({
      Subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      Issuer: GITHUB_ISSUER,
      ClientIds: AUDIENCE,
      IssuanceTime: '2026-11-28T10:00:00Z',
      ExpirationTime: '2026-11-28T10:05:00Z',
      VerificationInfo: 'Success'
    })
    expect(body.AssumedRoleUser).toEqual({
      Arn: `${ROLE_ARN}/github-42-1`,
      AssumedRoleId: expect.stringMatching(/^\d+:github-42-1$/)
    })
    const credentials = body.Credentials as Record<string, string>
    expect(Object.keys(credentials).sort()).toEqual([
      'AccessKeyId',
      'AccessKeySecret',
      'Expiration',
      'SecurityToken'
    ])
    expect(credentials.AccessKeyId).toMatch(/^STS\.[A-Za-z0-9]+$/)
    expect(credentials.Expiration).toBe('2026-11-28T11:00:00Z')
  })

  it('takes an aud list when one of them is a Client ID, and the maximum duration of the role', async () => {
    const { body } = await assume(
      valid({ OIDCToken: token({ aud: ['x', AUDIENCE] }), DurationSeconds: '7200' })
    )
    expect((body.OIDCTokenInfo as Record<string, string>).ClientIds).toBe(`x,${AUDIENCE}`)
    expect((body.Credentials as Record<string, string>).Expiration).toBe('2026-11-28T12:00:00Z')
  })

  it('takes the @alicloud/credentials shape: Action in the query, parameters in a form body', async () => {
    const body = stringify(valid())
    const response = await send(emulator, {
      method: 'POST',
      path: `/?${stringify({ Version: '2015-04-01', Action: 'AssumeRoleWithOIDC', Format: 'JSON', Timestamp: '2026-11-28T10:00:00Z' })}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).Credentials.AccessKeyId).toMatch(/^STS\./)
  })

  it('takes the public key as PEM text', async () => {
    const pem = issuerKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const other = await startCloudEmulator({
      oidc: {
        issuer: GITHUB_ISSUER,
        publicKey: pem,
        clientIds: [AUDIENCE],
        providerArn: PROVIDER_ARN,
        roleArn: ROLE_ARN
      },
      clock: () => NOW
    })
    try {
      expect((await assume(valid(), other)).statusCode).toBe(200)
    } finally {
      await other.stop()
    }
  })
})

describe('AssumeRoleWithOIDC refuses', () => {
  const cases: Array<[string, Record<string, string | undefined>, string, number]> = [
    [
      'a token signed by another key',
      { OIDCToken: signJwt(otherKeys.privateKey, githubClaims(AUDIENCE, NOW)) },
      'AuthenticationFail.OIDCToken.Invalid',
      401
    ],
    [
      'a token that is not RS256',
      { OIDCToken: signJwt(issuerKeys.privateKey, githubClaims(AUDIENCE, NOW), { alg: 'HS256' }) },
      'AuthenticationFail.OIDCToken.Invalid',
      401
    ],
    ['a token that is not a JWT', { OIDCToken: 'not-a-jwt' }, 'AuthenticationFail.OIDCToken.Invalid', 401],
    [
      'another issuer',
      { OIDCToken: token({ iss: 'https://issuer.example' }) },
      'AuthenticationFail.OIDCToken.IssuerNotMatch',
      401
    ],
    [
      'an audience that is no Client ID',
      { OIDCToken: token({ aud: 'actions.github.com' }) },
      'AuthenticationFail.OIDCToken.AudienceNotMatch',
      401
    ],
    [
      'an expired token',
      { OIDCToken: token({ exp: NOW / 1000 - 1 }) },
      'AuthenticationFail.OIDCToken.Expired',
      401
    ],
    [
      'a token not valid yet',
      { OIDCToken: token({ nbf: NOW / 1000 + 60 }) },
      'AuthenticationFail.OIDCToken.Invalid',
      401
    ],
    [
      'a subject the trust policy does not allow',
      { OIDCToken: token({ sub: 'repo:octo-org/other-repo:ref:refs/heads/main' }) },
      'AuthenticationFail.NoPermission',
      401
    ],
    ['an unknown role', { RoleArn: 'acs:ram::1234567890123456:role/other' }, 'EntityNotExist.Role', 404],
    [
      'an unknown OIDC provider',
      { OIDCProviderArn: 'acs:ram::1234567890123456:oidc-provider/Other' },
      'AuthenticationFail.NoPermission',
      401
    ],
    ['a one-character session name', { RoleSessionName: 'a' }, 'InvalidParameter.RoleSessionName', 400],
    [
      'a session name with a space',
      { RoleSessionName: 'github 42' },
      'InvalidParameter.RoleSessionName',
      400
    ],
    [
      'a session name of 65 characters',
      { RoleSessionName: 'a'.repeat(65) },
      'InvalidParameter.RoleSessionName',
      400
    ],
    ['a duration under 900 s', { DurationSeconds: '899' }, 'InvalidParameter.DurationSeconds', 400],
    [
      "a duration over the role's maximum",
      { DurationSeconds: '7201' },
      'InvalidParameter.DurationSeconds',
      400
    ],
    [
      'a duration that is not an integer',
      { DurationSeconds: '3600.5' },
      'InvalidParameter.DurationSeconds',
      400
    ],
    ['a token of 3 characters', { OIDCToken: 'abc' }, 'InvalidParameter.OIDCToken', 400],
    ['a token over 20000 characters', { OIDCToken: 'a'.repeat(20001) }, 'InvalidParameter.OIDCToken', 400],
    ['no RoleArn', { RoleArn: undefined }, 'MissingParameter.RoleArn', 400],
    ['no OIDCToken', { OIDCToken: undefined }, 'MissingParameter.OIDCToken', 400]
  ]

  it.each(cases)('%s', async (_what, overrides, code, statusCode) => {
    const failure = await failureOf(assume(valid(overrides)))
    expect(failure).toMatchObject({ code, statusCode })
    expect(emulator.calls.at(-1)).toMatchObject({ action: 'AssumeRoleWithOIDC', status: statusCode, code })
  })

  it('when no OIDC provider is configured at all', async () => {
    const bare = await startCloudEmulator()
    try {
      expect((await failureOf(assume(valid(), bare))).code).toBe('AuthenticationFail.NoPermission')
    } finally {
      await bare.stop()
    }
  })

  it('to start with a role maximum outside RAM range', async () => {
    const oidc = {
      issuer: GITHUB_ISSUER,
      publicKey: issuerKeys.publicKey,
      clientIds: [AUDIENCE],
      providerArn: PROVIDER_ARN,
      roleArn: ROLE_ARN,
      maxSessionDuration: 50000
    }
    await expect(startCloudEmulator({ oidc })).rejects.toThrow(
      'maxSessionDuration must be an integer 3600..43200'
    )
  })
})
