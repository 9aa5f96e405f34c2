import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createInterface } from 'node:readline'
import { ActionError } from '../../src/errors.js'
import { serialiseStateDocument } from '../../src/state/document.js'
import { createFileStore } from '../../src/state/file-store.js'
import { StateConflictError } from '../../src/state/store.js'
import { transpileForChild } from './child-modules.js'
import { documentWith } from './fixtures.js'

const dirs: string[] = []
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'file-store-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('createFileStore', () => {
  it('reads nothing before the first write, then the document with a sha256 revision', async () => {
    const ws = workspace()
    const store = createFileStore({ workspace: ws, path: '.asm-state/cn-hangzhou/prod.json' })
    expect(store.description).toBe('file .asm-state/cn-hangzhou/prod.json')
    expect(await store.read()).toEqual({})

    const doc = documentWith('m-1')
    const written = await store.write(doc, undefined, 'record m-1')
    const bytes = readFileSync(path.join(ws, '.asm-state/cn-hangzhou/prod.json'))
    expect(bytes.toString()).toBe(serialiseStateDocument(doc))
    expect(written).toEqual({
      revision: createHash('sha256').update(bytes).digest('hex'),
      location: '.asm-state/cn-hangzhou/prod.json'
    })
    expect(await store.read()).toEqual({ document: doc, revision: written.revision })
    expect(readdirSync(path.join(ws, '.asm-state/cn-hangzhou'))).toEqual(['prod.json'])
  })

  it('is a compare-and-swap: a stale or missing revision conflicts and changes nothing', async () => {
    const ws = workspace()
    const store = createFileStore({ workspace: ws, path: 'state.json' })
    const first = await store.write(documentWith('m-1'), undefined, '')
    const second = await store.write(documentWith('m-2'), first.revision, '')
    await expect(store.write(documentWith('m-3'), first.revision, '')).rejects.toBeInstanceOf(
      StateConflictError
    )
    await expect(store.write(documentWith('m-3'), undefined, '')).rejects.toBeInstanceOf(StateConflictError)
    expect((await store.read()).document?.current?.meshId).toBe('m-2')
    expect((await store.read()).revision).toBe(second.revision)

    rmSync(path.join(ws, 'state.json'))
    await expect(store.write(documentWith('m-4'), second.revision, '')).rejects.toBeInstanceOf(
      StateConflictError
    )
    expect(readdirSync(ws)).toEqual([])
  })

  it('treats a corrupt file as an error naming the file and how to reset it', async () => {
    const ws = workspace()
    writeFileSync(path.join(ws, 'state.json'), '{"schemaVersion": 1, "stateKey": "k"')
    const read = createFileStore({ workspace: ws, path: 'state.json' }).read()
    await expect(read).rejects.toBeInstanceOf(ActionError)
    await expect(read).rejects.toMatchObject({
      message: expect.stringContaining('file state.json is unreadable: it is not valid JSON'),
      advice: expect.stringContaining('delete it to start over')
    })
  })

  it('reports a path that is a directory as an error, not as "no state"', async () => {
    const ws = workspace()
    mkdirSync(path.join(ws, 'state.json'))
    await expect(createFileStore({ workspace: ws, path: 'state.json' }).read()).rejects.toThrow(
      /Cannot read the state file state.json/
    )
  })

  it.each(['../outside.json', '/etc/state.json', 'a/../../outside.json', '', 'link/state.json'])(
    'refuses the path %j that leaves the workspace',
    async relative => {
      const ws = workspace()
      symlinkSync(tmpdir(), path.join(ws, 'link'))
      const store = createFileStore({ workspace: ws, path: relative })
      await expect(store.read()).rejects.toThrow(/must be a path inside the workspace/)
      await expect(store.write(documentWith('m'), undefined, '')).rejects.toBeInstanceOf(ActionError)
    }
  )

  it('waits for a live lock and names the lock file when it is not released', async () => {
    const ws = workspace()
    writeFileSync(path.join(ws, 'state.json.lock'), 'other run\n')
    let slept = 0
    const store = createFileStore({
      workspace: ws,
      path: 'state.json',
      lockTimeoutMs: 0,
      sleep: async () => {
        slept++
      }
    })
    await expect(store.write(documentWith('m'), undefined, '')).rejects.toMatchObject({
      name: 'ActionError',
      advice: expect.stringContaining('delete state.json.lock')
    })
    expect(readdirSync(ws)).toEqual(['state.json.lock'])

    // Released while waiting: the write goes through.
    const patient = createFileStore({
      workspace: ws,
      path: 'state.json',
      sleep: async () => {
        slept++
        rmSync(path.join(ws, 'state.json.lock'), { force: true })
      }
    })
    await patient.write(documentWith('m'), undefined, '')
    expect(slept).toBeGreaterThan(0)
    expect(readdirSync(ws)).toEqual(['state.json'])
  })

  it('breaks a lock left behind by a crashed run', async () => {
    const ws = workspace()
    const lock = path.join(ws, 'state.json.lock')
    writeFileSync(lock, 'crashed\n')
    const hourAgo = new Date(Date.now() - 3_600_000)
    utimesSync(lock, hourAgo, hourAgo)
    const store = createFileStore({ workspace: ws, path: 'state.json', lockTimeoutMs: 0 })
    await store.write(documentWith('m'), undefined, '')
    expect(readdirSync(ws)).toEqual(['state.json'])
  })
})

describe('createFileStore across processes', () => {
  let modules: string
  beforeAll(() => {
    modules = transpileForChild('src/state/file-store.ts')
    writeFileSync(
      path.join(modules, 'race.mjs'),
      `import { createFileStore } from './src/state/file-store.js'
const [workspace, file, documentJson] = process.argv.slice(2)
const store = createFileStore({ workspace, path: file })
const { revision } = await store.read()
process.stdout.write('ready\\n')
process.stdin.once('data', async () => {
  try {
    await store.write(JSON.parse(documentJson), revision, 'race')
    process.stdout.write('won\\n')
  } catch (error) {
    process.stdout.write(error.name === 'StateConflictError' ? 'conflict\\n' : 'error ' + error.message + '\\n')
  }
  process.exit(0)
})
`
    )
  })
  afterAll(() => rmSync(modules, { recursive: true, force: true }))

  /** Starts one child per document; all read first, then all write at once. Returns each child's outcome. */
  async function race(ws: string, documents: object[]): Promise<string[]> {
    const children = documents.map(doc =>
      spawn(process.execPath, [path.join(modules, 'race.mjs'), ws, 'state.json', JSON.stringify(doc)], {
        stdio: ['pipe', 'pipe', 'inherit']
      })
    )
    const lines = children.map(child => createInterface({ input: child.stdout })[Symbol.asyncIterator]())
    const next = async (i: number) => (await lines[i].next()).value as string
    expect(await Promise.all(children.map((_, i) => next(i)))).toEqual(documents.map(() => 'ready'))
    for (const child of children) child.stdin.write('go\n')
    return Promise.all(children.map((_, i) => next(i)))
  }

  it('lets exactly one of several concurrent first writes win', async () => {
    const ws = workspace()
    const documents = ['a', 'b', 'c', 'd'].map(id => documentWith(`mesh-${id}`))
    const outcomes = await race(ws, documents)
    expect(outcomes.filter(o => o === 'won')).toHaveLength(1)
    expect(outcomes.filter(o => o === 'conflict')).toHaveLength(documents.length - 1)
    const winner = documents[outcomes.indexOf('won')]
    expect(readFileSync(path.join(ws, 'state.json'), 'utf8')).toBe(serialiseStateDocument(winner))
    expect(readdirSync(ws)).toEqual(['state.json'])
  })

  it('lets exactly one of several concurrent updates of the same revision win', async () => {
    const ws = workspace()
    await createFileStore({ workspace: ws, path: 'state.json' }).write(documentWith('old'), undefined, '')
    const outcomes = await race(
      ws,
      ['x', 'y', 'z'].map(id => documentWith(`mesh-${id}`))
    )
    expect(outcomes.sort()).toEqual(['conflict', 'conflict', 'won'])
  })
})
