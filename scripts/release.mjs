// `npm run release -- X.Y.Z [--dry-run] [--push] [--remote NAME]`: tags a release a workflow can pin.
// It creates the annotated tag vX.Y.Z on HEAD and moves the major tag vX to it (the GitHub Actions
// convention: `uses: owner/repo@v1` follows the newest v1.y.z). Before tagging it checks that the tree is
// clean, that package.json and CHANGELOG.md name the version, that the version is newer than every
// release tag, and that dist/ is what the source builds to. --dry-run checks and prints the plan, and
// changes nothing (it does not build either: it says that it would). --push also pushes both tags.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

class ReleaseError extends Error {}

function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd()
}

function parseArgs(argv) {
  const options = { dryRun: false, push: false, remote: 'origin', version: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--push') options.push = true
    else if (arg === '--remote') options.remote = argv[++i] ?? ''
    else if (options.version === undefined && !arg.startsWith('-')) options.version = arg
    else throw new ReleaseError(`unknown argument ${JSON.stringify(arg)}`)
  }
  if (options.version === undefined) throw new ReleaseError('give the version to release, e.g. 1.2.0')
  const match = SEMVER.exec(options.version)
  if (!match) throw new ReleaseError(`${JSON.stringify(options.version)} is not a version X.Y.Z`)
  options.parts = match.slice(1).map(Number)
  return options
}

const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** Every check that needs no build, then what the release would do to which tags. */
function plan(root, options) {
  const { version, parts } = options
  const dirty = git(['status', '--porcelain'], root)
  if (dirty !== '') throw new ReleaseError(`the working tree has uncommitted changes:\n${dirty}`)
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  if (pkg.version !== version) {
    throw new ReleaseError(`package.json says version ${pkg.version}: set it to ${version} and commit first`)
  }
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
  const heading = new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(?:\\s|$)`, 'm')
  if (!heading.test(changelog)) throw new ReleaseError(`CHANGELOG.md has no "## ${version}" section`)

  const tags = git(['tag', '--list', 'v*'], root).split('\n').filter(Boolean)
  const full = `v${version}`
  if (tags.includes(full)) throw new ReleaseError(`tag ${full} exists already`)
  const newer = tags
    .map(tag => ({ tag, match: SEMVER.exec(tag.slice(1)) }))
    .filter(({ match }) => match && compare(match.slice(1).map(Number), parts) > 0)
  if (newer.length > 0) throw new ReleaseError(`${full} is older than the existing tag ${newer[0].tag}`)

  const head = git(['rev-parse', 'HEAD'], root)
  const major = `v${parts[0]}`
  const majorAt = tags.includes(major) ? git(['rev-list', '-n', '1', major], root) : undefined
  return { full, major, head, majorAt }
}

function describe({ full, major, head, majorAt }, dryRun) {
  const short = sha => sha.slice(0, 12)
  const would = dryRun ? 'would ' : ''
  return [
    `${dryRun ? 'Would build' : 'Built'} dist/ with npm run package and ${dryRun ? 'check' : 'checked'} it matches the commit`,
    `${would}create ${full} at ${short(head)}`,
    majorAt === undefined
      ? `${would}create ${major} at ${short(head)}`
      : majorAt === head
        ? `${major} is at ${short(head)} already`
        : `${would}move ${major} from ${short(majorAt)} to ${short(head)}`
  ]
}

function buildAndCheckDist(root) {
  const built = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) throw new ReleaseError('npm run package failed')
  const stale = git(['status', '--porcelain', '--', 'dist'], root)
  if (stale !== '')
    throw new ReleaseError(`dist/ is not what the source builds to: commit the rebuilt dist/\n${stale}`)
}

function release(root, options) {
  const steps = plan(root, options)
  if (options.dryRun) {
    describe(steps, true).forEach(line => console.log(line))
    if (options.push) console.log(`would push ${steps.full} and ${steps.major} to ${options.remote}`)
    console.log('Dry run: nothing changed.')
    return
  }
  buildAndCheckDist(root)
  git(['tag', '--annotate', steps.full, '--message', steps.full], root)
  git(['tag', '--force', '--annotate', steps.major, '--message', `${steps.full}`], root)
  describe(steps, false).forEach(line => console.log(line))
  const pushFull = ['push', options.remote, `refs/tags/${steps.full}`]
  const pushMajor = ['push', '--force', options.remote, `refs/tags/${steps.major}`]
  if (options.push) {
    git(pushFull, root)
    git(pushMajor, root)
    console.log(`pushed ${steps.full} and ${steps.major} to ${options.remote}`)
  } else {
    console.log(`Push with: git ${pushFull.join(' ')} && git ${pushMajor.join(' ')}`)
  }
}

try {
  release(process.cwd(), parseArgs(process.argv.slice(2)))
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error
  console.error(`release: ${error.message}`)
  process.exit(1)
}
