/**
 * The signing test vectors of docs/reference/alibaba-signing-sts.md (§1.3, §2.3), reproduced by the
 * emulator's verification code. Expected strings are copied literally from the reference.
 */
import { describe, expect, it } from '@jest/globals'
import { stringify } from 'node:querystring'
import {
  canonicalQueryString,
  decodeParameters,
  NonceRegistry,
  sha256Hex,
  v1Signature,
  v1StringToSign,
  v3CanonicalRequest,
  v3Signature,
  verifySignature,
  type KnownCredential,
  type SignedRequest
} from '../support/acs-signature.js'

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

function context(now: string, keys: Record<string, KnownCredential>) {
  return { now: Date.parse(now), credential: (id: string) => keys[id], nonces: new NonceRegistry() }
}

function codeOf(run: () => void): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('V3 (ACS3-HMAC-SHA256) vectors', () => {
  const v3a = {
    method: 'POST',
    path: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_SHA256
    },
    signedHeaders: [
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-version'
    ],
    payloadHash: EMPTY_SHA256
  }

  it('V3-A: canonical request, its hash and the signature of the official example', () => {
    const canonical = v3CanonicalRequest(v3a)
    expect(canonical).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      ].join('\n')
    )
    expect(sha256Hex(canonical)).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')
    expect(v3Signature('YourAccessKeySecret', canonical)).toBe(
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0'
    )
  })

  it('V3-A: the full request verifies, and fails with another secret or an altered query', () => {
    const request: SignedRequest = {
      ...v3a,
      body: {},
      rawBody: Buffer.alloc(0),
      headers: {
        ...v3a.headers,
        authorization:
          'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0'
      }
    }
    const at = '2023-10-26T10:25:00Z'
    expect(
      codeOf(() =>
        verifySignature(request, context(at, { YourAccessKeyId: { secret: 'YourAccessKeySecret' } }))
      )
    ).toBe(undefined)
    expect(
      codeOf(() => verifySignature(request, context(at, { YourAccessKeyId: { secret: 'OtherSecret' } })))
    ).toBe('SignatureDoesNotMatch')
    const altered = { ...request, query: { ...request.query, RegionId: 'cn-hangzhou' } }
    expect(
      codeOf(() =>
        verifySignature(altered, context(at, { YourAccessKeyId: { secret: 'YourAccessKeySecret' } }))
      )
    ).toBe('SignatureDoesNotMatch')
  })

  it('V3-B: STS credentials, special characters decoded from the SDK wire form and re-encoded', () => {
    const decoded = {
      ServiceMeshId: 'c08ba3fd1e6484b0f8cc1ad8109d6ab5',
      RegionId: 'cn-hangzhou',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'a b*',
      'Tag.2.Key': "k!'()",
      'Tag.2.Value': '~x+y/=z',
      Name: '网格'
    }
    // querystring.stringify leaves * ! ' ( ) raw; Node's legacy URL parser then turns ' into %27.
    const wire = stringify(decoded).replace(/'/g, '%27')
    expect(wire).toContain('Tag.2.Key=k!%27()')
    const query = decodeParameters(wire, 'query string')
    expect(query).toEqual(decoded)
    expect(canonicalQueryString(query)).toBe(
      'Name=%E7%BD%91%E6%A0%BC&RegionId=cn-hangzhou&ServiceMeshId=c08ba3fd1e6484b0f8cc1ad8109d6ab5&Tag.1.Key=env&Tag.1.Value=a%20b%2A&Tag.2.Key=k%21%27%28%29&Tag.2.Value=~x%2By%2F%3Dz'
    )
    const headers = {
      host: 'servicemesh.aliyuncs.com',
      'x-acs-version': '2020-01-11',
      'x-acs-action': 'DescribeServiceMeshKubeconfig',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.0.0 Core/1.0.1 TeaDSL/1',
      'x-acs-date': '2024-05-01T12:00:00Z',
      'x-acs-signature-nonce': '0123456789abcdef0123456789abcdef',
      accept: 'application/json',
      'x-acs-content-sha256': EMPTY_SHA256,
      'x-acs-credentials-provider': 'static_sts',
      'x-acs-accesskey-id': 'STS.NTestAccessKeyId',
      'x-acs-security-token': 'CAIS+test/token=='
    }
    const signedHeaders =
      'host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version'
    const canonical = v3CanonicalRequest({
      method: 'POST',
      path: '/',
      query,
      headers,
      signedHeaders: signedHeaders.split(';'),
      payloadHash: EMPTY_SHA256
    })
    expect(sha256Hex(canonical)).toBe('5163079cbeefb2deedf1637a949d7ceda52c64c8e265af3c2e1fcb214a921c53')
    expect(v3Signature('TestSecret+/=', canonical)).toBe(
      'fb28791de0693cf200f49c699321f39474eeb2fdbe6aa047b40a590285e8e936'
    )

    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query,
      body: {},
      rawBody: Buffer.alloc(0),
      headers: {
        ...headers,
        authorization: `ACS3-HMAC-SHA256 Credential=STS.NTestAccessKeyId,SignedHeaders=${signedHeaders},Signature=fb28791de0693cf200f49c699321f39474eeb2fdbe6aa047b40a590285e8e936`
      }
    }
    const sts = {
      secret: 'TestSecret+/=',
      securityToken: 'CAIS+test/token==',
      expiresAt: Date.parse('2024-05-01T12:10:00Z')
    }
    expect(
      codeOf(() => verifySignature(request, context('2024-05-01T12:00:00Z', { 'STS.NTestAccessKeyId': sts })))
    ).toBe(undefined)
    // the same key after its expiry
    expect(
      codeOf(() => verifySignature(request, context('2024-05-01T12:12:00Z', { 'STS.NTestAccessKeyId': sts })))
    ).toBe('InvalidSecurityToken.Expired')
  })

  it('V3-C: form body, payload hash of the exact bytes', () => {
    const rawBody = Buffer.from(
      'OIDCProviderArn=acs%3Aram%3A%3A1234567890123456%3Aoidc-provider%2FGitHubActions&RoleSessionName=github-actions&DurationSeconds=3600'
    )
    expect(sha256Hex(rawBody)).toBe('f5266a289aeaebc906652442c19a828ccb7644331bc8cf96d91cdb65818af279')
    expect(decodeParameters(rawBody.toString(), 'body').OIDCProviderArn).toBe(
      'acs:ram::1234567890123456:oidc-provider/GitHubActions'
    )
    const headers = {
      host: 'sts.aliyuncs.com',
      'x-acs-version': '2015-04-01',
      'x-acs-action': 'AssumeRoleWithOIDC',
      'x-acs-date': '2024-05-01T12:00:00Z',
      'x-acs-signature-nonce': 'fedcba9876543210fedcba9876543210',
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-acs-credentials-provider': 'static_ak',
      'x-acs-content-sha256': 'f5266a289aeaebc906652442c19a828ccb7644331bc8cf96d91cdb65818af279'
    }
    const signedHeaders =
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version'
    const canonical = v3CanonicalRequest({
      method: 'POST',
      path: '/',
      query: {},
      headers,
      signedHeaders: signedHeaders.split(';'),
      payloadHash: sha256Hex(rawBody)
    })
    expect(canonical.split('\n')[2]).toBe('')
    expect(sha256Hex(canonical)).toBe('2f78c36559bba4ac26e6d52beb0955503db0b2881b69c5440cf67cf189d40fc0')
    expect(v3Signature('TestSecret', canonical)).toBe(
      '94682374d6a279bc053654e9590fb5854733e8da89c67d281fec1cc51f6f0230'
    )

    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query: {},
      body: decodeParameters(rawBody.toString(), 'body'),
      rawBody,
      headers: {
        ...headers,
        authorization: `ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId,SignedHeaders=${signedHeaders},Signature=94682374d6a279bc053654e9590fb5854733e8da89c67d281fec1cc51f6f0230`
      }
    }
    const keys = { LTAI5tTestKeyId: { secret: 'TestSecret' } }
    expect(codeOf(() => verifySignature(request, context('2024-05-01T12:10:00Z', keys)))).toBe(undefined)
    // one byte of the body changed: the declared hash no longer matches
    const tampered = { ...request, rawBody: Buffer.from(rawBody.toString().replace('3600', '3601')) }
    expect(codeOf(() => verifySignature(tampered, context('2024-05-01T12:10:00Z', keys)))).toBe(
      'SignatureDoesNotMatch'
    )
    // more than 15 minutes after x-acs-date
    expect(codeOf(() => verifySignature(request, context('2024-05-01T12:15:01Z', keys)))).toBe(
      'InvalidTimeStamp.Expired'
    )
  })
})

describe('RPC HMAC-SHA1 vectors', () => {
  const v1a = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26'
  }

  it('V1-A: official DescribeRegions example', () => {
    const stringToSign = v1StringToSign('GET', v1a)
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26'
    )
    expect(v1Signature('testsecret', stringToSign)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it("V1-A': the same with the name spelled TimeStamp gives another signature", () => {
    const { Timestamp, ...rest } = v1a
    const misspelt = v1Signature('testsecret', v1StringToSign('GET', { ...rest, TimeStamp: Timestamp }))
    expect(misspelt).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=')
    expect(misspelt).not.toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('V1-A: the wire request (URL-encoded Signature) verifies; a replay of its nonce is refused', () => {
    const query = decodeParameters(
      `${stringify(v1a)}&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D`,
      'query string'
    )
    const request: SignedRequest = {
      method: 'GET',
      path: '/',
      query,
      body: {},
      rawBody: Buffer.alloc(0),
      headers: {}
    }
    const ctx = context('2016-02-23T12:50:00Z', { testid: { secret: 'testsecret' } })
    expect(codeOf(() => verifySignature(request, ctx))).toBe(undefined)
    expect(codeOf(() => verifySignature(request, ctx))).toBe('SignatureNonceUsed')
    expect(codeOf(() => verifySignature({ ...request, method: 'POST' }, ctx))).toBe('SignatureDoesNotMatch')
  })

  it('V1-B: UTF-8 and JSON values', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25'
    }
    const stringToSign = v1StringToSign('GET', params)
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25'
    )
    expect(v1Signature('testSecret', stringToSign)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=')
  })

  it('V1-C: openapi-util unit test (empty method)', () => {
    const stringToSign = v1StringToSign('', { test: 'ok' })
    expect(stringToSign).toBe('&%2F&test%3Dok')
    expect(v1Signature('accessKeySecret', stringToSign)).toBe('jHx/oHoHNrbVfhncHEvPdHXZwHU=')
  })

  it('V1-D: STS credentials, POST with parameters split between query and form body', () => {
    const queryPart = {
      AccessKeyId: 'STS.NTestAccessKeyId',
      Action: 'DescribeServiceMeshKubeconfig',
      Format: 'json',
      SecurityToken: 'CAIS+test/token==',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '0123456789abcdef0123456789abcdef',
      SignatureVersion: '1.0',
      Timestamp: '2024-05-01T12:00:00Z',
      Version: '2020-01-11'
    }
    const bodyPart = {
      ServiceMeshId: 'c08ba3fd1e6484b0f8cc1ad8109d6ab5',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'a b*'
    }
    const stringToSign = v1StringToSign('POST', { ...queryPart, ...bodyPart })
    expect(stringToSign).toBe(
      'POST&%2F&AccessKeyId%3DSTS.NTestAccessKeyId%26Action%3DDescribeServiceMeshKubeconfig%26Format%3Djson%26SecurityToken%3DCAIS%252Btest%252Ftoken%253D%253D%26ServiceMeshId%3Dc08ba3fd1e6484b0f8cc1ad8109d6ab5%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D0123456789abcdef0123456789abcdef%26SignatureVersion%3D1.0%26Tag.1.Key%3Denv%26Tag.1.Value%3Da%2520b%252A%26Timestamp%3D2024-05-01T12%253A00%253A00Z%26Version%3D2020-01-11'
    )
    expect(v1Signature('TestSecret+/=', stringToSign)).toBe('YwM4HZoWi0eODVTl1eWVHOE0XQY=')

    const rawBody = Buffer.from(stringify(bodyPart))
    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query: decodeParameters(
        `${stringify(queryPart)}&Signature=${encodeURIComponent('YwM4HZoWi0eODVTl1eWVHOE0XQY=')}`,
        'query'
      ),
      body: decodeParameters(rawBody.toString(), 'body'),
      rawBody,
      headers: {}
    }
    const sts = { secret: 'TestSecret+/=', securityToken: 'CAIS+test/token==' }
    expect(
      codeOf(() => verifySignature(request, context('2024-05-01T12:00:00Z', { 'STS.NTestAccessKeyId': sts })))
    ).toBe(undefined)
    const otherToken = { ...sts, securityToken: 'CAIS+other' }
    expect(
      codeOf(() =>
        verifySignature(request, context('2024-05-01T12:00:00Z', { 'STS.NTestAccessKeyId': otherToken }))
      )
    ).toBe('InvalidSecurityToken.MismatchWithAccessKey')
    expect(codeOf(() => verifySignature(request, context('2024-05-01T12:00:00Z', {})))).toBe(
      'InvalidAccessKeyId.NotFound'
    )
  })
})

describe('parameter decoding', () => {
  it('reads + as a space, refuses repeated names and malformed escapes', () => {
    expect(decodeParameters('a=x+y&b=%2B&c', 'query')).toEqual({ a: 'x y', b: '+', c: '' })
    expect(codeOf(() => decodeParameters('a=1&a=2', 'query'))).toBe('InvalidParameter')
    expect(codeOf(() => decodeParameters('a=%E7%BD', 'body'))).toBe('InvalidParameter')
    expect(codeOf(() => decodeParameters('__proto__=x', 'body'))).toBe('InvalidParameter')
  })
})
