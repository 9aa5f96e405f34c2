/**
 * scripts/release.mjs run the way a maintainer runs it, in a throwaway git repository holding the files
 * it reads (package.json, CHANGELOG.md): the dry run names the tags it would create or move and changes
 * nothing, and every refusal says what to do.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './support/repo-root.js'

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'release.mjs')
let repo: string

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

function commit(version: string, changelog: string): string {
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'x', version }) + '\n')
  writeFileSync(path.join(repo, 'CHANGELOG.md'), changelog)
  git('add', '-A')
  git('-c', 'user.name=t', '-c', 'user.email=t@localhost', 'commit', '-qm', `v${version}`)
  return git('rev-parse', 'HEAD').slice(0, 12)
}

function release(...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repo, encoding: 'utf8' })
  return { status: result.status, out: result.stdout + result.stderr }
}

const tags = () => git('tag', '--list').split('\n').filter(Boolean)

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'release-'))
  git('init', '-q')
})
afterEach(() => rmSync(repo, { recursive: true, force: true }))

describe('release --dry-run', () => {
  it('names the new tag and the major tag it would create, and changes nothing', () => {
    const head = commit('1.0.0', '# Changelog\n\n## 1.0.0\n\n- first\n')
    const { status, out } = release('1.0.0', '--dry-run')
    expect(status).toBe(0)
    expect(out).toBe(
      'Would build dist/ with npm run package and check it matches the commit\n' +
        `would create v1.0.0 at ${head}\n` +
        `would create v1 at ${head}\n` +
        'Dry run: nothing changed.\n'
    )
    expect(tags()).toEqual([])
  })

  it('says it would move the major tag from the last release to HEAD', () => {
    const first = commit('1.0.0', '## 1.0.0\n')
    git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
    git('tag', '-a', 'v1', '-m', 'v1.0.0')
    const second = commit('1.1.0', '## 1.1.0\n\n## 1.0.0\n')
    const { status, out } = release('1.1.0', '--dry-run', '--push')
    expect(status).toBe(0)
    expect(out).toContain(`would create v1.1.0 at ${second}\n`)
    expect(out).toContain(`would move v1 from ${first} to ${second}\n`)
    expect(out).toContain('would push v1.1.0 and v1 to origin\n')
    expect(git('rev-list', '-n', '1', 'v1').slice(0, 12)).toBe(first)
  })
})

describe('release refuses', () => {
  it.each([
    [
      'a version that is not X.Y.Z',
      ['1.0'],
      '1.0.0',
      '## 1.0.0\n',
      'release: "1.0" is not a version X.Y.Z\n'
    ],
    [
      'a package.json version that differs',
      ['1.0.1', '--dry-run'],
      '1.0.0',
      '## 1.0.1\n',
      'release: package.json says version 1.0.0: set it to 1.0.1 and commit first\n'
    ],
    [
      'a CHANGELOG without the version',
      ['1.0.0', '--dry-run'],
      '1.0.0',
      '## 1.0.0-rc.1\n',
      'release: CHANGELOG.md has no "## 1.0.0" section\n'
    ]
  ])('%s', (_what, args, version, changelog, message) => {
    commit(version, changelog)
    expect(release(...args)).toEqual({ status: 1, out: message })
  })

  it('an existing or newer tag, and uncommitted changes', () => {
    commit('1.0.0', '## 1.0.0\n')
    git('tag', 'v1.0.0')
    expect(release('1.0.0', '--dry-run')).toEqual({ status: 1, out: 'release: tag v1.0.0 exists already\n' })
    git('tag', 'v2.0.0')
    commit('1.5.0', '## 1.5.0\n')
    expect(release('1.5.0', '--dry-run')).toEqual({
      status: 1,
      out: 'release: v1.5.0 is older than the existing tag v2.0.0\n'
    })
    writeFileSync(path.join(repo, 'CHANGELOG.md'), 'edited\n')
    const dirty = release('1.5.0', '--dry-run')
    expect(dirty.status).toBe(1)
    expect(dirty.out).toBe('release: the working tree has uncommitted changes:\n M CHANGELOG.md\n')
  })
})
