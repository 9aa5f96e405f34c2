import * as core from '@actions/core'
import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../../src/diagnostics.js'
import {
  annotate,
  type AnnotationProperties,
  type AnnotationSink,
  describeDiagnostic,
  formatDiagnostic
} from '../../src/report/annotations.js'

// Type-level check (tsc): main passes @actions/core itself as the sink.
const coreIsASink: AnnotationSink = core
void coreIsASink

function recorder() {
  const calls: { type: 'error' | 'warning'; message: string; props: AnnotationProperties }[] = []
  const sink: AnnotationSink = {
    error: (message, props) => calls.push({ type: 'error', message, props }),
    warning: (message, props) => calls.push({ type: 'warning', message, props })
  }
  return { sink, calls }
}

const sampling: Diagnostic = {
  severity: 'error',
  file: 'mesh/prod.yaml',
  line: 12,
  column: 13,
  endLine: 12,
  endColumn: 16,
  path: 'tracing.sampling',
  message: 'is above the maximum',
  expected: 'an integer from 0 to 100',
  found: '150'
}

describe('annotate', () => {
  it('emits one annotation per diagnostic with exact properties, in order', () => {
    const deprecated: Diagnostic = {
      severity: 'warning',
      file: 'mesh/prod.yaml',
      line: 40,
      column: 3,
      path: 'certificateAuthority.type',
      message: 'ExistingCaType is deprecated by the API'
    }
    const { sink, calls } = recorder()
    annotate([sampling, deprecated], sink)
    expect(calls).toEqual([
      {
        type: 'error',
        message: 'tracing.sampling: is above the maximum (expected an integer from 0 to 100, found 150)',
        props: {
          title: 'Invalid mesh spec',
          file: 'mesh/prod.yaml',
          startLine: 12,
          endLine: 12,
          startColumn: 13,
          endColumn: 16
        }
      },
      {
        type: 'warning',
        message: 'certificateAuthority.type: ExistingCaType is deprecated by the API',
        props: { title: 'Mesh spec warning', file: 'mesh/prod.yaml', startLine: 40, startColumn: 3 }
      }
    ])
  })

  it('drops columns when the range spans several lines (GitHub refuses them there)', () => {
    const { sink, calls } = recorder()
    annotate([{ ...sampling, line: 3, column: 1, endLine: 9, endColumn: 4 }], sink)
    expect(calls[0].props).toEqual({
      title: 'Invalid mesh spec',
      file: 'mesh/prod.yaml',
      startLine: 3,
      endLine: 9
    })
  })

  it('annotates every diagnostic even past the runner’s 10 per type', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...sampling, line: i + 1 }))
    const { sink, calls } = recorder()
    annotate(many, sink)
    expect(calls.map(c => c.props.startLine)).toEqual(many.map(d => d.line))
  })

  it('describes a whole-document problem without a spec path', () => {
    const empty: Diagnostic = {
      severity: 'error',
      file: 'm.yaml',
      line: 1,
      column: 1,
      path: '',
      message: 'the file is empty'
    }
    expect(describeDiagnostic(empty)).toBe('the file is empty')
    expect(
      describeDiagnostic({ ...empty, path: 'tracng', message: 'unknown key', expected: 'tracing' })
    ).toBe('tracng: unknown key (expected tracing)')
    expect(describeDiagnostic({ ...empty, path: 'edition', message: 'not allowed', found: 'Gold' })).toBe(
      'edition: not allowed (found Gold)'
    )
  })

  it('bounds a long found value', () => {
    const long = describeDiagnostic({ ...sampling, found: 'x'.repeat(5000) })
    expect(long.length).toBeLessThan(400)
    expect(long).toContain('x…)')
  })
})

describe('formatDiagnostic', () => {
  it('gives file:line:col, severity, path and message on one line', () => {
    expect(formatDiagnostic(sampling)).toBe(
      'mesh/prod.yaml:12:13 error tracing.sampling: is above the maximum (expected an integer from 0 to 100, found 150)'
    )
  })
})
