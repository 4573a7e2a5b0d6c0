import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../config.js'

/**
 * Exits 0 when web/dist is newer than every source of the web app, 1 when it
 * must be built. `npm start` builds only when needed.
 */
const built = path.join(PROJECT_ROOT, 'web', 'dist', 'index.html')
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'shared'].map((p) => path.join(PROJECT_ROOT, p))

function newestChange(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))))
}

const fresh = existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestChange))
if (!fresh) console.log('building the web app…')
process.exit(fresh ? 0 : 1)
