/**
 * The real @alicloud/openapi-client 0.4.15 against the emulator: every way the library signs is
 * accepted, and wrong signing is refused with Alibaba's codes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { startCloudEmulator, type CloudEmulator, type RecordedCall } from '../support/cloud-emulator.js'
import { GITHUB_ISSUER, githubClaims, rsaKeyPair, signJwt } from './helpers/jwt.js'
import { callApi, failureOf, openApiClient, type Call, type Keys } from './helpers/openapi.js'
import { replay } from './helpers/raw-http.js'

const AK: Keys = { accessKeyId: 'LTAI5tEmulatorKey', accessKeySecret: 'Emulator+Secret/=' }
const PROVIDER_ARN = 'acs:ram::1234567890123456:oidc-provider/GitHub'
const ROLE_ARN = 'acs:ram::1234567890123456:role/mesh-deployer'
const LIST: Call = { action: 'DescribeServiceMeshes', version: '2020-01-11', method: 'GET' }

const { privateKey, publicKey } = rsaKeyPair()
let emulator: CloudEmulator
/** the emulator's clock runs this far ahead of the real one */
let clockOffsetMs = 0

function assumeRoleCall(): Call {
  return {
    action: 'AssumeRoleWithOIDC',
    version: '2015-04-01',
    method: 'POST',
    query: {
      OIDCProviderArn: PROVIDER_ARN,
      RoleArn: ROLE_ARN,
      OIDCToken: signJwt(privateKey, githubClaims('sts.aliyuncs.com', Date.now() + clockOffsetMs)),
      RoleSessionName: 'github-42-1',
      DurationSeconds: '900'
    }
  }
}

async function stsKeys(signatureAlgorithm?: 'v2'): Promise<Keys> {
  const { body } = await callApi(
    openApiClient(emulator, undefined, signatureAlgorithm),
    assumeRoleCall(),
    true
  )
  const credentials = body.Credentials as Record<string, string>
  return {
    accessKeyId: credentials.AccessKeyId,
    accessKeySecret: credentials.AccessKeySecret,
    securityToken: credentials.SecurityToken
  }
}

function lastCall(): RecordedCall {
  return emulator.calls[emulator.calls.length - 1]
}

beforeAll(async () => {
  emulator = await startCloudEmulator({
    accessKeys: { [AK.accessKeyId]: AK.accessKeySecret },
    oidc: {
      issuer: GITHUB_ISSUER,
      publicKey,
      clientIds: ['sts.aliyuncs.com'],
      providerArn: PROVIDER_ARN,
      roleArn: ROLE_ARN
    },
    clock: () => Date.now() + clockOffsetMs
  })
})

afterAll(async () => {
  await emulator.stop()
})

describe('accepted', () => {
  it('V3 with a static AccessKey', async () => {
    const result = await callApi(openApiClient(emulator, AK), LIST)
    expect(result.statusCode).toBe(200)
    expect(result.body.ServiceMeshes).toEqual([])
    expect(lastCall()).toMatchObject({
      signature: 'v3',
      accessKeyId: AK.accessKeyId,
      status: 200,
      method: 'GET'
    })
    expect(lastCall().headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorKey,SignedHeaders=/
    )
  })

  it('V3 form body with Tag in the query (CreateServiceMesh)', async () => {
    const result = await callApi(openApiClient(emulator, AK), {
      action: 'CreateServiceMesh',
      version: '2020-01-11',
      method: 'POST',
      query: { 'Tag.1.Key': 'team', 'Tag.1.Value': "a b*!'()" },
      body: {
        RegionId: 'cn-hangzhou',
        VpcId: 'vpc-bp1abc',
        VSwitches: '["vsw-bp1abc"]',
        Name: 'mesh one+two'
      }
    })
    expect(result.body.ServiceMeshId).toMatch(/^[0-9a-f]{32}$/)
    expect(lastCall()).toMatchObject({ signature: 'v3', status: 200, query: { 'Tag.1.Value': "a b*!'()" } })
    expect(lastCall().headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(lastCall().headers['transfer-encoding']).toBe('chunked') // the SDK streams bodies
    expect(emulator.meshes.at(-1)?.parameters).toMatchObject({ Name: 'mesh one+two', 'Tag.1.Key': 'team' })
  })

  it('anonymous AssumeRoleWithOIDC over V3 (parameters in the query), then V3 with the STS keys', async () => {
    const keys = await stsKeys()
    expect(lastCall()).toMatchObject({ signature: 'anonymous', action: 'AssumeRoleWithOIDC', status: 200 })
    expect(lastCall().headers.authorization).toBeUndefined()
    expect(lastCall().query.RoleArn).toBe(ROLE_ARN)
    expect(keys.accessKeyId).toMatch(/^STS\./)

    const result = await callApi(openApiClient(emulator, keys), LIST)
    expect(result.statusCode).toBe(200)
    expect(lastCall()).toMatchObject({ signature: 'v3', accessKeyId: keys.accessKeyId, status: 200 })
    expect(lastCall().headers['x-acs-security-token']).toBe(keys.securityToken)
  })

  it('RPC HMAC-SHA1 (signatureAlgorithm v2) with an AccessKey and with STS keys, anonymous STS over V2', async () => {
    const v2 = await callApi(openApiClient(emulator, AK, 'v2'), {
      action: 'DescribeServiceMeshDetail',
      version: '2020-01-11',
      method: 'POST',
      body: { ServiceMeshId: emulator.meshes[0].id }
    })
    expect((v2.body.ServiceMesh as { ServiceMeshInfo: { Name: string } }).ServiceMeshInfo.Name).toBe(
      'mesh one+two'
    )
    expect(lastCall()).toMatchObject({ signature: 'v1', accessKeyId: AK.accessKeyId, status: 200 })
    expect(lastCall().query).toMatchObject({
      SignatureMethod: 'HMAC-SHA1',
      Action: 'DescribeServiceMeshDetail'
    })

    const keys = await stsKeys('v2')
    expect(lastCall()).toMatchObject({ signature: 'anonymous', status: 200 })
    expect(lastCall().query).toMatchObject({ Action: 'AssumeRoleWithOIDC', Format: 'json' })

    await callApi(openApiClient(emulator, keys, 'v2'), LIST)
    expect(lastCall()).toMatchObject({ signature: 'v1', accessKeyId: keys.accessKeyId, status: 200 })
    expect(lastCall().query.SecurityToken).toBe(keys.securityToken)
  })
})

describe('refused', () => {
  it('a wrong secret: SignatureDoesNotMatch, V3 and V2', async () => {
    const wrong = { ...AK, accessKeySecret: 'not-the-secret' }
    const v3 = await failureOf(callApi(openApiClient(emulator, wrong), LIST))
    expect(v3).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 })
    const v2 = await failureOf(callApi(openApiClient(emulator, wrong, 'v2'), LIST))
    expect(v2).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 })
    expect(v2.message).toContain('server string to sign is:GET&%2F&AccessKeyId%3DLTAI5tEmulatorKey')
  })

  it('an unknown AccessKey id: InvalidAccessKeyId.NotFound', async () => {
    const failure = await failureOf(
      callApi(openApiClient(emulator, { ...AK, accessKeyId: 'LTAI5tUnknown' }), LIST)
    )
    expect(failure).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 })
  })

  it('STS keys without their token, or with another token', async () => {
    const keys = await stsKeys()
    const { securityToken: _token, ...withoutToken } = keys
    const missing = await failureOf(callApi(openApiClient(emulator, withoutToken), LIST))
    expect(missing.code).toBe('InvalidSecurityToken.MismatchWithAccessKey')
    const other = await failureOf(
      callApi(openApiClient(emulator, { ...keys, securityToken: 'CAISother' }), LIST)
    )
    expect(other.code).toBe('InvalidSecurityToken.MismatchWithAccessKey')
  })

  it('STS keys after their expiry', async () => {
    clockOffsetMs = -10 * 60 * 1000 // issued "10 minutes ago" for 900 s: expired 5 minutes from now
    const keys = await stsKeys()
    clockOffsetMs = 6 * 60 * 1000
    try {
      const failure = await failureOf(callApi(openApiClient(emulator, keys), LIST))
      expect(failure.code).toBe('InvalidSecurityToken.Expired')
    } finally {
      clockOffsetMs = 0
    }
  })

  it('a date more than 15 minutes off: InvalidTimeStamp.Expired, V3 and V2', async () => {
    clockOffsetMs = 16 * 60 * 1000
    try {
      expect((await failureOf(callApi(openApiClient(emulator, AK), LIST))).code).toBe(
        'InvalidTimeStamp.Expired'
      )
      expect((await failureOf(callApi(openApiClient(emulator, AK, 'v2'), LIST))).code).toBe(
        'InvalidTimeStamp.Expired'
      )
    } finally {
      clockOffsetMs = 0
    }
  })

  it('a replayed request (same nonce): SignatureNonceUsed, V3 and V2', async () => {
    for (const algorithm of [undefined, 'v2'] as const) {
      await callApi(openApiClient(emulator, AK, algorithm), LIST)
      const original = lastCall()
      const again = await replay(emulator, original)
      expect(again.status).toBe(400)
      expect(JSON.parse(again.body)).toMatchObject({ Code: 'SignatureNonceUsed' })
    }
  })

  it('a tampered body: SignatureDoesNotMatch, whether or not x-acs-content-sha256 is updated', async () => {
    const create: Call = {
      action: 'CreateServiceMesh',
      version: '2020-01-11',
      method: 'POST',
      body: { RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]', Name: 'original' }
    }
    emulator.inject({ kind: 'status', status: 503, action: 'CreateServiceMesh' })
    await failureOf(callApi(openApiClient(emulator, AK), create)) // recorded, nonce not spent
    const original = lastCall()
    const meshCount = emulator.meshes.length
    const body = original.rawBody.replace('original', 'tampered')

    const sameHash = await replay(emulator, original, { body })
    expect(JSON.parse(sameHash.body)).toMatchObject({ Code: 'SignatureDoesNotMatch' })
    expect(JSON.parse(sameHash.body).Message).toContain('x-acs-content-sha256')

    const newHash = createHash('sha256').update(body).digest('hex')
    const rehashed = await replay(emulator, original, { body, headers: { 'x-acs-content-sha256': newHash } })
    expect(rehashed.status).toBe(400)
    expect(JSON.parse(rehashed.body)).toMatchObject({ Code: 'SignatureDoesNotMatch' })
    expect(emulator.meshes.length).toBe(meshCount)

    // the untouched request is still good: nothing above consumed its nonce
    expect((await replay(emulator, original)).status).toBe(200)
  })

  it('a signed API called anonymously: MissingAccessKeyId', async () => {
    const failure = await failureOf(callApi(openApiClient(emulator), LIST, true))
    expect(failure).toMatchObject({ code: 'MissingAccessKeyId', statusCode: 400 })
  })
})
