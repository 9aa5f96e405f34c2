/**
 * Settings → preflight → GitHub OIDC token (signed here with node:crypto) → AssumeRoleWithOIDC through
 * the real @alicloud/openapi-client against the loopback emulator → the issued keys used on ASM.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync, sign } from 'node:crypto'
import { preflightCredentials } from '../../src/cloud/credential-plan.js'
import { GITHUB_ISSUER, resolveCredentials } from '../../src/cloud/credentials.js'
import { createMeshApi } from '../../src/cloud/mesh.js'
import { ActionError } from '../../src/errors.js'
import { readSettings } from '../../src/settings.js'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { fakeTime, recordingLog } from './fakes.js'

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const trust = {
  issuer: GITHUB_ISSUER,
  publicKey,
  clientIds: ['sts.aliyuncs.com'],
  providerArn: 'acs:ram::1234567890123456:oidc-provider/GitHub',
  roleArn: 'acs:ram::1234567890123456:role/mesh-deployer',
  subjectLike: 'repo:octo/app:ref:refs/heads/*'
}

function githubToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    iss: GITHUB_ISSUER,
    aud: 'sts.aliyuncs.com',
    sub: 'repo:octo/app:ref:refs/heads/main',
    repository: 'octo/app',
    ref: 'refs/heads/main',
    iat: now,
    nbf: now - 600,
    exp: now + 300,
    ...claims
  }
  const signed = [{ typ: 'JWT', alg: 'RS256', kid: 'k1' }, payload]
    .map(part => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.')
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`
}

let cloud: CloudEmulator
beforeAll(async () => {
  cloud = await startCloudEmulator({ oidc: trust })
})
afterAll(() => cloud.stop())
beforeEach(() => {
  cloud.calls.length = 0
})

/** The env a job with `permissions: id-token: write` has, and the action's inputs. */
function jobEnv(inputs: Record<string, string> = {}, idToken = true): NodeJS.ProcessEnv {
  return {
    INPUT_SPEC: 'mesh.yaml',
    'INPUT_ROLE-TO-ASSUME': trust.roleArn,
    'INPUT_OIDC-PROVIDER-ARN': trust.providerArn,
    'INPUT_STS-ENDPOINT': `http://${cloud.host}`,
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '2',
    ...(idToken && {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/_apis/idtoken?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-token'
    }),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    )
  }
}

async function exchange(token: string, inputs: Record<string, string> = {}) {
  const env = jobEnv(inputs)
  const plan = preflightCredentials(readSettings(env), env)
  const masked: string[] = []
  const audiences: string[] = []
  const log = recordingLog()
  const credentials = await resolveCredentials(plan, {
    getIDToken: async audience => {
      audiences.push(audience)
      return token
    },
    setSecret: value => void masked.push(value),
    log,
    sleep: fakeTime().sleep
  })
  return { credentials, masked, audiences, log }
}

async function failedExchange(token: string, inputs: Record<string, string> = {}): Promise<ActionError> {
  const error = await exchange(token, inputs).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ActionError)
  return error as ActionError
}

describe('OIDC through STS', () => {
  it('exchanges the GitHub token anonymously, masks what it must, and the keys work on ASM', async () => {
    const token = githubToken()
    const { credentials, masked, audiences, log } = await exchange(token)

    expect(audiences).toEqual(['sts.aliyuncs.com'])
    expect(credentials).toMatchObject({ source: 'oidc', accessKeyId: expect.stringMatching(/^STS\./) })
    expect(masked).toEqual([token, credentials.accessKeySecret, credentials.securityToken])
    expect(log.lines.join('\n')).not.toContain(credentials.accessKeySecret)
    expect(log.lines.join('\n')).not.toContain(token)

    const [call] = cloud.calls
    expect(call).toMatchObject({
      action: 'AssumeRoleWithOIDC',
      version: '2015-04-01',
      method: 'POST',
      signature: 'anonymous',
      status: 200,
      query: {
        OIDCProviderArn: trust.providerArn,
        RoleArn: trust.roleArn,
        OIDCToken: token,
        RoleSessionName: 'github-42-2',
        DurationSeconds: '3600'
      }
    })
    expect(call.headers.authorization).toBeUndefined()

    const api = createMeshApi({
      endpoint: { protocol: 'http', host: cloud.host },
      credentials,
      log: recordingLog()
    })
    await expect(api.findByName('any', 'cn-hangzhou')).resolves.toEqual([])
    expect(cloud.calls[1]).toMatchObject({
      action: 'DescribeServiceMeshes',
      signature: 'v3',
      accessKeyId: credentials.accessKeyId,
      status: 200
    })
    expect(cloud.calls[1].headers['x-acs-security-token']).toBe(credentials.securityToken)
  })

  it('explains an audience mismatch', async () => {
    const error = await failedExchange(githubToken({ aud: 'github-actions' }), { audience: 'github-actions' })
    expect(error.message).toMatch(
      /^AssumeRoleWithOIDC failed: AuthenticationFail.OIDCToken.AudienceNotMatch \(HTTP 401\): Invalid audience.; request id [0-9A-F-]{36}$/
    )
    expect(error.advice).toMatch(
      /audience input \("github-actions"\) must equal a Client ID of the RAM OIDC provider/
    )
    expect(cloud.calls).toHaveLength(1)
  })

  it('shows the trust-policy conditions and the token claims when the role does not trust the token', async () => {
    const error = await failedExchange(
      githubToken({ sub: 'repo:octo/app:pull_request', ref: 'refs/pull/7/merge' })
    )
    expect(error.message).toMatch(/AuthenticationFail.NoPermission/)
    expect(error.advice).toContain(
      'oidc:iss = https://token.actions.githubusercontent.com, oidc:aud = sts.aliyuncs.com, oidc:sub = repo:octo/app:pull_request'
    )
    expect(error.advice).toContain('repository=octo/app, ref=refs/pull/7/merge')
  })

  it('names the missing role and the expired token', async () => {
    const role = await failedExchange(githubToken(), {
      'role-to-assume': 'acs:ram::1234567890123456:role/nope'
    })
    expect(role.message).toMatch(/EntityNotExist.Role \(HTTP 404\)/)
    expect(role.advice).toMatch(/check role-to-assume/)

    const past = Math.floor(Date.now() / 1000) - 3600
    const expired = await failedExchange(githubToken({ iat: past, nbf: past, exp: past + 300 }))
    expect(expired.message).toMatch(/AuthenticationFail.OIDCToken.Expired/)
    expect(expired.advice).toMatch(/re-run the job/)
  })

  it('retries a throttled exchange', async () => {
    cloud.inject({ kind: 'throttle', action: 'AssumeRoleWithOIDC' })
    await exchange(githubToken())
    expect(cloud.calls.map(call => call.code ?? call.status)).toEqual(['Throttling.User', 200])
  })

  it('fails before any network call when the job has no id-token permission', async () => {
    const env = jobEnv({}, false)
    const error = (() => {
      try {
        preflightCredentials(readSettings(env), env)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ActionError)
    expect((error as ActionError).advice).toMatch(/permissions: id-token: write/)
    expect(cloud.calls).toHaveLength(0)
  })
})
