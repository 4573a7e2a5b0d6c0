import { spawn } from 'node:child_process'
import { PROJECT_ROOT } from '../../server/config.js'

/** Runs the compiled CLI as `npm run cli -- …` does, as a child process, and collects what it prints. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/cli.js', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
