import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, parseEndpoint, readSettings, SettingsError } from '../src/settings.js'
import { REPO_ROOT } from './support/repo-root.js'

const base = {
  INPUT_SPEC: 'mesh.yaml',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKSPACE: '/ws'
}

describe('readSettings', () => {
  it('applies the contract defaults', () => {
    const s = readSettings(base)
    expect(s).toMatchObject({
      specPath: 'mesh.yaml',
      mode: 'apply',
      endpoint: { protocol: 'https', host: 'servicemesh.aliyuncs.com' },
      stsEndpoint: { protocol: 'https', host: 'sts.aliyuncs.com' },
      state: 'github',
      stateBranch: 'asm-state',
      onChange: 'update',
      adoptExisting: true,
      wait: true,
      waitTimeoutSeconds: 1200,
      comment: true
    })
    expect(s.oidc).toBeUndefined()
    expect(s.staticKeys).toBeUndefined()
  })

  it('derives the OIDC session name from the run', () => {
    const s = readSettings({
      ...base,
      'INPUT_ROLE-TO-ASSUME': 'acs:ram::123456:role/deployer',
      'INPUT_OIDC-PROVIDER-ARN': 'acs:ram::123456:oidc-provider/GitHub'
    })
    expect(s.oidc).toEqual({
      roleArn: 'acs:ram::123456:role/deployer',
      providerArn: 'acs:ram::123456:oidc-provider/GitHub',
      audience: 'sts.aliyuncs.com',
      roleSessionName: 'github-42-2',
      durationSeconds: 3600
    })
  })

  it('reports every bad input at once, naming each', () => {
    let error: unknown
    try {
      readSettings({
        'INPUT_ROLE-TO-ASSUME': 'acs:ram::1:role/r',
        INPUT_MODE: 'remove',
        INPUT_WAIT: 'yes',
        'INPUT_ROLE-DURATION-SECONDS': '60'
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SettingsError)
    const problems = (error as SettingsError).problems.join('\n')
    expect(problems).toContain('input spec: required')
    expect(problems).toContain('input oidc-provider-arn: missing')
    expect(problems).toContain('input mode: "remove"')
    expect(problems).toContain('input wait: "yes" is not a boolean')
    expect(problems).toContain('input role-duration-seconds: "60"')
  })
})

describe('parseEndpoint', () => {
  it('accepts host[:port] and https URLs', () => {
    expect(parseEndpoint('endpoint', 'servicemesh.aliyuncs.com')).toEqual({
      protocol: 'https',
      host: 'servicemesh.aliyuncs.com'
    })
    expect(parseEndpoint('endpoint', 'https://example.com:8443')).toEqual({
      protocol: 'https',
      host: 'example.com:8443'
    })
  })

  it('allows http only to loopback', () => {
    expect(parseEndpoint('endpoint', 'http://127.0.0.1:9000')).toEqual({
      protocol: 'http',
      host: '127.0.0.1:9000'
    })
    expect(parseEndpoint('endpoint', 'http://[::1]:9000')).toEqual({ protocol: 'http', host: '[::1]:9000' })
    expect(() => parseEndpoint('endpoint', 'http://10.0.0.1')).toThrow(/only allowed for loopback/)
    expect(() => parseEndpoint('endpoint', 'http://localhost.evil.com')).toThrow(/only allowed for loopback/)
    expect(() => parseEndpoint('endpoint', 'ftp://x')).toThrow(/not supported/)
    expect(() => parseEndpoint('endpoint', 'https://x/path')).toThrow(/no path/)
  })
})

describe('parseEndpoint with credentials in the URL', () => {
  it('refuses them without echoing them', () => {
    for (const value of ['https://user:s3cret@example.com', 'user:s3cret@example.com/x']) {
      let message = ''
      try {
        parseEndpoint('endpoint', value)
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).toMatch(/^input endpoint: /)
      expect(message).toContain('***@')
      expect(message).not.toContain('s3cret')
    }
  })
})

describe('which inputs were given', () => {
  it('counts an input as given only when it differs from its default, as the runner fills defaults in', () => {
    const s = readSettings({
      ...base,
      'INPUT_STS-ENDPOINT': 'sts.aliyuncs.com',
      INPUT_MODE: 'apply',
      INPUT_REGION: 'cn-shanghai',
      'INPUT_ON-CHANGE': 'warn'
    })
    expect([...s.given].sort()).toEqual(['on-change', 'region', 'spec'])
  })

  it('keeps its defaults in step with action.yml', () => {
    const declared = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
    const literal = Object.fromEntries(
      Object.entries(declared.inputs)
        .filter(([, input]) => input.default !== undefined && !input.default.includes('${{'))
        .map(([name, input]) => [name, input.default])
    )
    expect(INPUT_DEFAULTS).toEqual(literal)
  })

  it('keeps the mode it read when another input is bad, for the report', () => {
    expect(() => readSettings({ ...base, INPUT_MODE: 'plan', INPUT_WAIT: 'maybe' })).toThrow(
      expect.objectContaining({ name: 'SettingsError', mode: 'plan' })
    )
  })
})

describe('state-key input and pull_request_target', () => {
  it.each(['preview/../prod', 'a//b', '.git/x', 'a\nb'])('refuses the state key %j, naming the rule', key => {
    expect(() => readSettings({ ...base, 'INPUT_STATE-KEY': key })).toThrow(
      /^input state-key: .* use parts of A-Za-z0-9._- separated by \/, such as cn-hangzhou\/prod-mesh or preview\/pr-7$/
    )
  })

  it('accepts a preview key', () => {
    expect(readSettings({ ...base, 'INPUT_STATE-KEY': 'preview/pr-7' }).stateKey).toBe('preview/pr-7')
  })

  it('refuses mode apply on pull_request_target and says why; plan is fine there, apply on pull_request too', () => {
    const target = { ...base, GITHUB_EVENT_NAME: 'pull_request_target' }
    expect(() => readSettings(target)).toThrow(
      "input mode: apply is refused on pull_request_target events: that event runs with the base repository's secrets and cloud role, while the spec may come from the pull request."
    )
    expect(readSettings({ ...target, INPUT_MODE: 'plan' }).mode).toBe('plan')
    expect(readSettings({ ...base, GITHUB_EVENT_NAME: 'pull_request' }).mode).toBe('apply')
  })
})
