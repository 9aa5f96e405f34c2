import { describe, expect, it } from '@jest/globals'
import { preflightCredentials, type CredentialPlan } from '../../src/cloud/credential-plan.js'
import { resolveCredentials, tokenClaims } from '../../src/cloud/credentials.js'
import { ActionError } from '../../src/errors.js'
import { longestMs, RETRY } from '../../src/retry.js'
import type { InputName, OidcSettings } from '../../src/settings.js'
import { apiError, fakeTime, recordingLog, scripted, type Step } from './fakes.js'

const oidc: OidcSettings = {
  roleArn: 'acs:ram::1234567890123456:role/deployer',
  providerArn: 'acs:ram::1234567890123456:oidc-provider/GitHub',
  audience: 'sts.aliyuncs.com',
  roleSessionName: 'github-1-1',
  durationSeconds: 3600
}
const sts = { protocol: 'https' as const, host: 'sts.aliyuncs.com' }
const tokenEnv = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
}
/** The plan for tokenEnv: its token endpoint's scheme and host, not its path or query. */
const oidcPlan = { kind: 'oidc' as const, oidc, stsEndpoint: sts, tokenOrigin: 'http://127.0.0.1:1' }
const keys = { accessKeyId: 'LTAIinput', accessKeySecret: 'input-secret' }
/** No input differs from its default. */
const given = new Set<InputName>()

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map(part => Buffer.from(part).toString('base64url')).join('.') +
  '.sig'
const token = jwt({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:octo/app:ref:refs/heads/main',
  aud: 'sts.aliyuncs.com',
  repository: 'octo/app',
  ref: 'refs/heads/main',
  jti: 'not-shown'
})

function rejected(fn: () => unknown): ActionError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError)
    return error as ActionError
  }
  throw new Error('expected an ActionError')
}

describe('preflightCredentials', () => {
  it('refuses OIDC without an id-token permission, and says how to fix it', () => {
    const error = rejected(() => preflightCredentials({ oidc, stsEndpoint: sts, given }, {}))
    expect(error.message).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL/)
    expect(error.advice).toMatch(/permissions: id-token: write/)
    expect(error.advice).toMatch(/forks/)
  })

  it('picks OIDC, then static inputs, then the environment, then none', () => {
    const env = {
      ...tokenEnv,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret'
    }
    expect(preflightCredentials({ oidc, staticKeys: keys, stsEndpoint: sts, given }, env)).toEqual(oidcPlan)
    expect(preflightCredentials({ staticKeys: keys, stsEndpoint: sts, given }, env)).toEqual({
      kind: 'static',
      keys
    })
    expect(
      preflightCredentials({ stsEndpoint: sts, given }, { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token' })
    ).toEqual({
      kind: 'env',
      keys: { accessKeyId: 'LTAIenv', accessKeySecret: 'env-secret', securityToken: 'env-token' }
    })
    expect(preflightCredentials({ stsEndpoint: sts, given }, {})).toEqual({ kind: 'none' })
  })

  it('names the missing half of environment keys', () => {
    const error = rejected(() =>
      preflightCredentials({ stsEndpoint: sts, given }, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI' })
    )
    expect(error.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set/)
  })

  it('uses the regional STS endpoint only when region is set and sts-endpoint is not', () => {
    const plan = (region: string | undefined, inputs: InputName[] = []) =>
      preflightCredentials({ oidc, region, stsEndpoint: sts, given: new Set(inputs) }, tokenEnv) as Extract<
        CredentialPlan,
        { kind: 'oidc' }
      >
    expect(plan('cn-shanghai').stsEndpoint).toEqual({
      protocol: 'https',
      host: 'sts.cn-shanghai.aliyuncs.com'
    })
    expect(plan('cn-shanghai', ['sts-endpoint']).stsEndpoint).toBe(sts)
    expect(plan(undefined).stsEndpoint).toBe(sts)
    // No regional endpoint is documented for this region: the global one stays.
    expect(plan('cn-shenzhen-finance-1').stsEndpoint).toBe(sts)
  })
})

describe('resolveCredentials', () => {
  function deps(steps: Step[], idToken: () => Promise<string> = async () => token) {
    const masked: string[] = []
    const audiences: string[] = []
    const { transport, sent } = scripted(steps)
    return {
      masked,
      audiences,
      sent,
      deps: {
        getIDToken: async (audience: string) => {
          audiences.push(audience)
          return idToken()
        },
        setSecret: (value: string) => void masked.push(value),
        log: recordingLog(),
        sleep: fakeTime().sleep,
        transport
      }
    }
  }
  const issued = {
    RequestId: 'REQ-STS',
    Credentials: {
      AccessKeyId: 'STS.id',
      AccessKeySecret: 'sts-secret',
      SecurityToken: 'sts-token',
      Expiration: '2030-01-01T00:00:00Z'
    }
  }

  it('exchanges the GitHub token at STS anonymously and masks the token and the secrets', async () => {
    const t = deps([issued])
    const credentials = await resolveCredentials(oidcPlan, t.deps)
    expect(credentials).toEqual({
      accessKeyId: 'STS.id',
      accessKeySecret: 'sts-secret',
      securityToken: 'sts-token',
      source: 'oidc',
      expiration: '2030-01-01T00:00:00Z'
    })
    expect(t.audiences).toEqual(['sts.aliyuncs.com'])
    expect(t.masked).toEqual([token, 'sts-secret', 'sts-token'])
    expect(t.sent[0]).toMatchObject({
      action: 'AssumeRoleWithOIDC',
      version: '2015-04-01',
      method: 'POST',
      anonymous: true,
      query: {
        OIDCProviderArn: oidc.providerArn,
        RoleArn: oidc.roleArn,
        OIDCToken: token,
        RoleSessionName: 'github-1-1',
        DurationSeconds: '3600'
      }
    })
  })

  it('turns STS error codes into advice, with the request id', async () => {
    const cases: [string, RegExp][] = [
      [
        'AuthenticationFail.OIDCToken.AudienceNotMatch',
        /audience input \("sts.aliyuncs.com"\) must equal a Client ID/
      ],
      [
        'AuthenticationFail.OIDCToken.IssuerNotMatch',
        /issuer URL https:\/\/token.actions.githubusercontent.com/
      ],
      [
        'AuthenticationFail.NoPermission',
        /oidc:iss = https:\/\/token.actions.githubusercontent.com, oidc:aud = sts.aliyuncs.com, oidc:sub = repo:octo\/app:ref:refs\/heads\/main.*repository=octo\/app, ref=refs\/heads\/main/
      ],
      ['EntityNotExist.Role', /check role-to-assume/],
      ['AuthenticationFail.OIDCToken.Expired', /re-run the job.*clock/]
    ]
    for (const [code, advice] of cases) {
      const t = deps([apiError(400, code, 'no', 'REQ-STS-ERR')])
      const error = await resolveCredentials(oidcPlan, t.deps).then(
        () => undefined,
        (e: unknown) => e as ActionError
      )
      expect(error).toBeInstanceOf(ActionError)
      expect(error?.message).toBe(`AssumeRoleWithOIDC failed: ${code} (HTTP 400): no; request id REQ-STS-ERR`)
      expect(error?.advice).toMatch(advice)
      expect(error?.advice).not.toMatch(/not-shown|sig/)
      expect(t.sent).toHaveLength(1)
    }
  })

  it('explains a failed token request', async () => {
    const t = deps([issued], async () => {
      throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
    })
    await expect(resolveCredentials(oidcPlan, t.deps)).rejects.toThrow(
      /Could not get a GitHub OIDC token for audience "sts.aliyuncs.com"/
    )
    expect(t.sent).toHaveLength(0)
  })

  /** A token endpoint that takes the request and never answers. */
  const never = () => new Promise<string>(() => undefined)

  it('gives up on a token endpoint that never answers, naming its host but not its path or query', async () => {
    const t = deps([issued], never)
    const error = await resolveCredentials(oidcPlan, { ...t.deps, idTokenTimeoutMs: 5 }).then(
      () => undefined,
      (e: unknown) => e as ActionError
    )
    expect(error).toBeInstanceOf(ActionError)
    expect(error?.message).toBe(
      'Could not get a GitHub OIDC token for audience "sts.aliyuncs.com": the token endpoint ' +
        '(ACTIONS_ID_TOKEN_REQUEST_URL at http://127.0.0.1:1) gave no answer within 0.005 s, on each of 3 ' +
        `attempts (about ${Math.round(longestMs(RETRY.oidcToken, 5) / 1000)} s in all).`
    )
    expect(error?.advice).toMatch(/Re-run the job.*reach http:\/\/127\.0\.0\.1:1/)
    expect(`${error?.message} ${error?.advice}`).not.toMatch(/token\?|x=1/)
    expect(t.audiences).toHaveLength(RETRY.oidcToken.maxAttempts)
    expect(t.sent).toHaveLength(0)
  })

  it('asks again after an attempt without an answer, and goes on with the token', async () => {
    let asked = 0
    const t = deps([issued], () => (++asked === 1 ? never() : Promise.resolve(token)))
    const credentials = await resolveCredentials(oidcPlan, { ...t.deps, idTokenTimeoutMs: 5 })
    expect(credentials.source).toBe('oidc')
    expect(t.audiences).toHaveLength(2)
    expect(t.deps.log.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^info: The OIDC token endpoint at http:\/\/127\.0\.0\.1:1 gave no answer within 0\.005 s; retrying/
        )
      ])
    )
    expect(t.sent).toHaveLength(1)
  })

  it('rejects an STS answer without credentials', async () => {
    const t = deps([{ RequestId: 'REQ-EMPTY' }])
    await expect(resolveCredentials(oidcPlan, t.deps)).rejects.toThrow(
      /without Credentials.*request id REQ-EMPTY/
    )
  })

  it('masks static and environment secrets and reports the source', async () => {
    const t = deps([])
    const credentials = await resolveCredentials(
      { kind: 'env', keys: { ...keys, securityToken: 'tok' } },
      t.deps
    )
    expect(credentials).toEqual({ ...keys, securityToken: 'tok', source: 'env' })
    expect(t.masked).toEqual(['input-secret', 'tok'])
  })

  it('fails with the three ways when there are no credentials', async () => {
    const error = await resolveCredentials({ kind: 'none' }, deps([]).deps).then(
      () => undefined,
      (e: unknown) => e as ActionError
    )
    expect(error?.message).toMatch(/needs Alibaba Cloud credentials/)
    expect(error?.advice).toMatch(/role-to-assume.*access-key-id.*ALIBABA_CLOUD_ACCESS_KEY_ID/)
  })
})

describe('tokenClaims', () => {
  it('reads the non-secret claims without verifying, and survives garbage', () => {
    expect(tokenClaims(token)).toEqual({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo/app:ref:refs/heads/main',
      aud: 'sts.aliyuncs.com',
      repository: 'octo/app',
      ref: 'refs/heads/main'
    })
    expect(tokenClaims(jwt({ aud: ['a', 'b'] })).aud).toBe('a,b')
    expect(tokenClaims('not a jwt').iss).toBe('?')
  })
})
