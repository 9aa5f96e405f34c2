import { describe, expect, it } from '@jest/globals'
import { ActionError } from '../../src/errors.js'
import { defaultStateKey, statePath, stateKeyProblem } from '../../src/state/key.js'

describe('stateKeyProblem', () => {
  it.each(['cn-hangzhou/prod-mesh', 'preview/pr-7', 'a.b_c-d/e', 'x'])('accepts %j', key => {
    expect(stateKeyProblem(key)).toBeUndefined()
  })

  it.each([
    ['', 'is empty'],
    ['a/../b', 'has a ".." part'],
    ['./a', 'has a "." part'],
    ['a//b', 'has an empty part (a leading, trailing or doubled /)'],
    ['/a', 'has an empty part (a leading, trailing or doubled /)'],
    ['a/', 'has an empty part (a leading, trailing or doubled /)'],
    ['.git/config', 'has a part that starts or ends with ".": ".git"'],
    ['a/b.', 'has a part that starts or ends with ".": "b."'],
    ['a b', 'has a character other than A-Za-z0-9._- in "a b"'],
    ['a\\b', 'has a character other than A-Za-z0-9._- in "a\\\\b"'],
    ['a\n::set-output', 'has a character other than A-Za-z0-9._- in "a\\n::set-output"'],
    ['x'.repeat(201), 'is longer than 200 characters'],
    [`a/${'b'.repeat(101)}`, 'has a part longer than 100 characters'],
    ['1/2/3/4/5/6/7/8/9', 'has more than 8 parts']
  ])('refuses %j: %s', (key, problem) => {
    expect(stateKeyProblem(key)).toBe(problem)
  })
})

describe('defaultStateKey and statePath', () => {
  it('builds <region>/<name>, and refuses one that could not be a safe path, saying what to do', () => {
    expect(defaultStateKey('cn-hangzhou', 'prod')).toBe('cn-hangzhou/prod')
    expect(() => defaultStateKey('cn-hangzhou', '../x')).toThrow(ActionError)
    const error = (() => {
      try {
        return defaultStateKey('cn-hangzhou', 'prod mesh')
      } catch (e) {
        return e as ActionError
      }
    })() as ActionError
    expect(error.message).toBe(
      'The spec\'s region and name make the state key "cn-hangzhou/prod mesh", which has a character other than A-Za-z0-9._- in "prod mesh".'
    )
    expect(error.advice).toMatch(/^Set the state-key input/)
  })

  it('keeps every path under its folder', () => {
    expect(statePath('', 'cn-hangzhou/prod')).toBe('cn-hangzhou/prod.json')
    expect(statePath('.asm-state', 'cn-hangzhou/prod')).toBe('.asm-state/cn-hangzhou/prod.json')
    expect(() => statePath('.asm-state', '../../etc/passwd')).toThrow(/would leave \.asm-state/)
    expect(() => statePath('', 'a/../../b')).toThrow(/would leave the state branch root/)
  })
})
