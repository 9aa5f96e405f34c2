#!/usr/bin/env node
/**
 * `asm-mesh`: the action's spec engine on the command line, for a local check or a pre-commit hook.
 * Offline: nothing here opens a connection or reads credentials.
 */
import packageJson from '../../package.json' with { type: 'json' }
import { main } from './main.js'

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`)
}

try {
  process.exitCode = main(process.argv.slice(2), { env: process.env, version: packageJson.version }, io)
} catch (error) {
  // Not a user error: a bug. The message only; a stack trace helps nobody fixing a spec.
  io.err(
    `asm-mesh: unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`
  )
  process.exitCode = 2
}
