/**
 * A Runner (src/publish.ts) that records what the action would show on the runner: log lines,
 * annotations, outputs, masks, the failure and the job summary. For unit tests of main without the bundle.
 */
import type { AnnotationProperties } from '../../src/report/annotations.js'
import type { Runner } from '../../src/publish.js'

export interface RecordedAnnotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties?: AnnotationProperties
}

export interface RecordingRunner extends Runner {
  lines: string[]
  annotations: RecordedAnnotation[]
  outputs: Record<string, string>
  /** Every write of an output, in order, for what was known when. */
  outputWrites: [string, string][]
  masked: string[]
  failed: string[]
  summary: string
}

export function recordingRunner(): RecordingRunner {
  const runner: RecordingRunner = {
    lines: [],
    annotations: [],
    outputs: {},
    outputWrites: [],
    masked: [],
    failed: [],
    summary: '',
    info: message => void runner.lines.push(message),
    debug: message => void runner.lines.push(`debug: ${message}`),
    notice: message => void runner.annotations.push({ level: 'notice', message }),
    warning: (message, properties) => void runner.annotations.push({ level: 'warning', message, properties }),
    error: (message, properties) => void runner.annotations.push({ level: 'error', message, properties }),
    group: async (name, fn) => {
      runner.lines.push(`group: ${name}`)
      return fn()
    },
    startGroup: name => void runner.lines.push(`group: ${name}`),
    endGroup: () => void runner.lines.push('endgroup'),
    setOutput: (name, value) => {
      runner.outputs[name] = value
      runner.outputWrites.push([name, value])
    },
    setFailed: message => void runner.failed.push(message),
    setSecret: value => void runner.masked.push(value),
    getIDToken: async () => {
      throw new Error('recordingRunner: no OIDC token in unit tests')
    },
    writeSummary: async markdown => {
      runner.summary += `${markdown}\n`
    }
  }
  return runner
}
