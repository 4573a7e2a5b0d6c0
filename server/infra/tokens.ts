import { createHash, randomBytes } from 'node:crypto'

/** A random secret for a link or cookie (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only this is stored: a leaked table gives no usable link or session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
