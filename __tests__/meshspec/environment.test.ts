/** Values from the environment (docs/contract.md §4.1): what may be referenced, and how values are stored and shown. */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { diffParameters } from '../../src/state/diff.js'
import { BASE, errors, evaluate, warnings } from '../support/spec-helpers.js'

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

describe("references to the runner's and the action's own variables", () => {
  it.each([
    'GITHUB_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'RUNNER_TEMP',
    'INPUT_SPEC',
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'github_token'
  ])('${%s} is an error at its place, and its value is never used', name => {
    const result = evaluate(`${BASE}tags: {a: 'x-\${${name}}'}\n`, { [name]: 'secret-value-123' })
    expect(errors(result)).toEqual([
      expect.objectContaining({
        line: 5,
        path: 'tags.a',
        message: `\${${name}} is a variable of the runner or of this action (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_* or ALIBABA_CLOUD_*), which the spec may not read: map a variable of your own in the step's env:`
      })
    ])
    expect(result.request).toBeUndefined()
    expect(result.secrets).not.toContain('secret-value-123')
  })

  it('a variable of your own holding a credential of the run is refused too', () => {
    const env = { 'INPUT_ACCESS-KEY-SECRET': 'the-access-key-secret', MINE: 'the-access-key-secret' }
    const result = evaluate(`${BASE}tags: {a: '\${MINE}'}\n`, env)
    expect(errors(result).map(d => d.message)).toEqual([
      "${MINE} holds the same value as INPUT_ACCESS-KEY-SECRET, a credential of this run: map a variable of your own in the step's env:"
    ])
  })

  it('a short common value that happens to equal a credential variable is not refused', () => {
    const result = evaluate(`${BASE}tags: {a: '\${FLAG}'}\n`, { FLAG: 'true', ACTIONS_RUNTIME_TOKEN: 'true' })
    expect(errors(result)).toEqual([])
  })
})

describe('how values from the environment are stored and shown', () => {
  const spec =
    `${BASE}tags: {team: '\${TEAM}', env: dev}\n` +
    "prometheus: {enabled: true, customized: true, url: 'http://admin:${PW}@prom:9090'}\n" +
    "extraParameters: {SomeFutureFlag: 'https://bob:literal@example.com/x?y=1'}\n"
  const env = { TEAM: 'team-secret-1', PW: 'pw-secret-2' }

  it('as ${NAME} and a fingerprint of the value; on the wire as the value', () => {
    const { request } = evaluate(spec, env)
    const byPath = new Map(request!.parameters.map(p => [p.path, p]))
    expect(byPath.get('tags.team')).toEqual({
      parameter: 'Tag',
      path: 'tags.team',
      wire: 'team-secret-1',
      comparable: `\${TEAM} ${sha('team-secret-1')}`,
      secret: false,
      env: ['TEAM'],
      hidden: true
    })
    expect(byPath.get('prometheus.url')?.comparable).toBe(
      `\${PW} ${sha('http://admin:pw-secret-2@prom:9090')}`
    )
    expect(request!.body.PrometheusUrl).toBe('http://admin:pw-secret-2@prom:9090')
    expect(byPath.get('tags.env')).toEqual({
      parameter: 'Tag',
      path: 'tags.env',
      wire: 'dev',
      comparable: 'dev',
      secret: false
    })
  })

  it('URL user info as ***, with a fingerprint so a changed password is a change', () => {
    const { request } = evaluate(spec, env)
    const extra = request!.parameters.find(p => p.path === 'extraParameters.SomeFutureFlag')
    expect(extra?.comparable).toBe(
      `https://***@example.com/x?y=1 ${sha('https://bob:literal@example.com/x?y=1')}`
    )
    expect(extra?.wire).toBe('https://bob:literal@example.com/x?y=1')
  })

  it('a list or mapping with one value from the environment is shown by its names only', () => {
    const { request } = evaluate(`${BASE.replace('vSwitches: [vsw-a]', "vSwitches: [vsw-a, '${VSW}']")}`, {
      VSW: 'vsw-secret'
    })
    expect(request!.parameters.find(p => p.path === 'network.vSwitches')?.comparable).toMatch(
      /^\$\{VSW\} sha256:/
    )
  })

  it('the name and region stay as written: they are the mesh identity', () => {
    const { request } = evaluate(BASE.replace('name: m', 'name: preview-${PR}'), { PR: '1234' })
    expect(request!.parameters.find(p => p.path === 'name')?.comparable).toBe('preview-1234')
  })

  it('diffs: a changed secret is a change, a renamed variable with the same value is not', () => {
    const before = evaluate(spec, env).request!.parameters
    const recorded = before.map(p => ({ path: p.path, parameter: p.parameter, value: p.comparable }))
    const rotated = evaluate(spec, { ...env, TEAM: 'team-secret-rotated' }).request!.parameters
    const changes = diffParameters(recorded, rotated)
    expect(changes).toEqual([
      {
        path: 'tags.team',
        parameter: 'Tag',
        change: 'changed',
        before: `\${TEAM} ${sha('team-secret-1')}`,
        after: `\${TEAM} ${sha('team-secret-rotated')}`
      }
    ])
    const renamed = evaluate(spec.replace('${TEAM}', '${OWNER}'), { ...env, OWNER: 'team-secret-1' })
    expect(diffParameters(recorded, renamed.request!.parameters)).toEqual([])
  })

  it('a value recorded in clear by an earlier version: same value is no change, and it is never shown', () => {
    const now = evaluate(spec, { ...env, TEAM: 'team-secret-new' }).request!.parameters
    const legacy = [{ path: 'tags.team', parameter: 'Tag', value: 'team-secret-1' }]
    const same = evaluate(spec, env).request!.parameters.filter(p => p.path === 'tags.team')
    expect(diffParameters(legacy, same)).toEqual([])
    const changed = diffParameters(
      legacy,
      now.filter(p => p.path === 'tags.team')
    )
    expect(changed).toEqual([expect.objectContaining({ change: 'changed', before: sha('team-secret-1') })])
    expect(JSON.stringify(changed)).not.toContain('team-secret-1')
  })
})

describe('spec text that could reach a log line or a path', () => {
  it('a key with a line break is an error at the key, shown escaped', () => {
    const result = evaluate(`${BASE}"tags\\n::set-output name=a::b": x\n`)
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 5,
          path: '"tags\\n::set-output name=a::b"',
          message:
            'the key "tags\\n::set-output name=a::b" contains a control character or line break: write the key on one line'
        })
      ])
    )
  })

  it('an extraParameters value with a line break is an error', () => {
    const result = evaluate(`${BASE}extraParameters: {SomeFutureFlag: "a\\nb"}\n`)
    expect(errors(result).map(d => `${d.path}: ${d.message}`)).toEqual([
      'extraParameters.SomeFutureFlag: the value contains a control character or line break: write it on one line'
    ])
  })

  it.each(['../x', 'a/b', 'a\\b', '..', '.'])('a name %j is path syntax: an error', name => {
    const result = evaluate(BASE.replace('name: m', `name: '${name}'`))
    expect(errors(result)).toEqual([expect.objectContaining({ line: 2, path: 'name' })])
    expect(errors(result)[0].message).toMatch(/is path syntax, and name is part of the default state key/)
  })

  it('a name unlike Alibaba Cloud names is a warning, never an error', () => {
    const result = evaluate(BASE.replace('name: m', "name: 'my mesh!'"))
    expect(errors(result)).toEqual([])
    expect(warnings(result)).toEqual([expect.objectContaining({ path: 'name', line: 2 })])
    expect(result.request?.name).toBe('my mesh!')
  })
})
