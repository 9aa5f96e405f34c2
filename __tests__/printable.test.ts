import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { printable } from '../src/printable.js'
import { actionsLog, type Log } from '../src/log.js'
import { parseCommand } from './support/runner-commands.js'

describe('printable', () => {
  it('keeps ordinary text as it is', () => {
    expect(printable('Decision: create (no previous run recorded)')).toBe(
      'Decision: create (no previous run recorded)'
    )
    expect(printable('tab\tand ünïcödé')).toBe('tab\tand ünïcödé')
  })

  it('turns every line break into a visible escape, so the text stays one line', () => {
    expect(printable('a\n::set-output name=x::y')).toBe('a\\n::set-output name=x::y')
    expect(printable('a\r\n::add-mask::b\rc')).toBe('a\\r\\n::add-mask::b\\rc')
    expect(printable('a\u2028b\u2029c\u0085d')).toBe('a\\u2028b\\u2029c\\u0085d')
    expect(printable('esc \u001b[31m red, nul \u0000')).toBe('esc \\u001b[31m red, nul \\u0000')
  })

  it('puts a visible mark before a line that would start a command, also after white space', () => {
    expect(printable('::stop-commands::x')).toBe('› ::stop-commands::x')
    expect(printable('  \u00a0::error::forged')).toBe('›   \u00a0::error::forged')
    expect(printable('##[error]legacy')).toBe('› ##[error]legacy')
    expect(printable('x ::set-output name=a::b')).toBe('x ::set-output name=a::b')
  })

  it('never lets any text become a workflow command line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const line = printable(text)
        expect(line.split(/\r\n|\r|\n/)).toHaveLength(1)
        expect(parseCommand(line)).toBeUndefined()
        expect(line.trimStart().startsWith('##[')).toBe(false)
      })
    )
  })
})

describe('actionsLog', () => {
  it('sends plain lines through printable, and annotations to core as they are (core escapes them)', async () => {
    const seen: string[] = []
    const sink: Log = {
      info: m => void seen.push(`info ${m}`),
      warning: m => void seen.push(`warning ${m}`),
      notice: m => void seen.push(`notice ${m}`),
      debug: m => void seen.push(`debug ${m}`),
      group: (name, fn) => (seen.push(`group ${name}`), fn())
    }
    const log = actionsLog(sink)
    log.info('x\n::set-output name=a::b')
    log.warning('y\nz')
    await log.group('g', async () => undefined)
    expect(seen).toEqual(['info x\\n::set-output name=a::b', 'warning y\nz', 'group g'])
  })
})
