/**
 * Imported first by every script, for its side effect. The support modules under __tests__/support find
 * the repository from their own location (`new URL('../../', import.meta.url)`), which after tsc is build/,
 * not the repository: node-versions would look for Node 24 in build/node_modules at import time, ca-fixture
 * for the CA in build/__tests__/fixtures. Until they locate the root by package.json, the few things they
 * read are linked into build/ before they load.
 */
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { BUILD_DIR, REPO_ROOT } from './repo.js'

const READ_BY_SUPPORT = ['action.yml', 'dist', 'examples', 'node_modules', '__tests__/fixtures']

/** lstat, not existsSync: a dangling link still occupies the name and would make symlinkSync throw. */
function isPresent(file: string): boolean {
  try {
    lstatSync(file)
    return true
  } catch {
    return false
  }
}

function linkIntoBuild(relative: string): void {
  const link = path.join(BUILD_DIR, relative)
  const target = path.join(REPO_ROOT, relative)
  if (!existsSync(target)) return
  if (isPresent(link)) return
  mkdirSync(path.dirname(link), { recursive: true })
  symlinkSync(path.relative(path.dirname(link), target), link)
}

READ_BY_SUPPORT.forEach(linkIntoBuild)
