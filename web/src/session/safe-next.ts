/**
 * Where to go after signing in: only a path on this site, so a crafted link
 * cannot send people elsewhere (`//evil.example`, `/\evil.example`, `https://…`).
 */
export function safeNext(value: string | null, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  try {
    const url = new URL(value, window.location.origin)
    if (url.origin !== window.location.origin) return fallback
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return fallback
  }
}
