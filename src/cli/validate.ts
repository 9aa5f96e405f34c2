/** `asm-mesh validate FILE...`: every file through the action's engine, every problem on its own line. */
import { checkFile } from './check.js'
import { type Env, hasErrors } from './engine.js'
import { readSpecBytes } from './files.js'
import { count, diagnosticLine, fileErrorLine, type Io } from './output.js'

export interface ValidateOptions {
  /** As the user gave them; diagnostics name them the same way. */
  files: string[]
  allowMissingEnv: boolean
  env: Env
}

interface Tally {
  errors: number
  warnings: number
  failedFiles: number
  missingEnv: number
  missingNames: Set<string>
}

/** Exit code: 0 when no file has an error (warnings allowed), 1 when any has. */
export function validate(options: ValidateOptions, io: Io): number {
  const tally: Tally = { errors: 0, warnings: 0, failedFiles: 0, missingEnv: 0, missingNames: new Set() }
  for (const file of options.files) {
    const read = readSpecBytes(file)
    if (!read.ok) {
      io.out(fileErrorLine(file, read.message))
      tally.errors++
      tally.failedFiles++
      continue
    }
    const result = checkFile(read.value, file, options.env, options.allowMissingEnv)
    for (const d of result.diagnostics) {
      io.out(diagnosticLine(file, d))
      tally[d.severity === 'error' ? 'errors' : 'warnings']++
    }
    if (hasErrors(result.diagnostics)) tally.failedFiles++
    if (!options.allowMissingEnv) tally.missingEnv += result.missingEnv
    result.missingNames.forEach(name => tally.missingNames.add(name))
  }
  summarise(options.files.length, tally, io)
  return tally.errors > 0 ? 1 : 0
}

function summarise(files: number, tally: Tally, io: Io): void {
  const found = `${count(tally.errors, 'error')}, ${count(tally.warnings, 'warning')}`
  io.err(
    tally.failedFiles === 0
      ? `asm-mesh: ${count(files, 'file')} valid (${found})`
      : `asm-mesh: ${tally.failedFiles} of ${count(files, 'file')} invalid (${found})`
  )
  if (tally.missingEnv > 0) {
    const names = [...tally.missingNames].join(', ')
    io.err(
      `asm-mesh: ${count(tally.missingEnv, 'error')} only because ${names} ${tally.missingNames.size === 1 ? 'is' : 'are'} ` +
        'not set: set them as the workflow step does, or pass --allow-missing-env to check everything else.'
    )
  }
}
