/**
 * The CSRF token of the current session, kept outside React so the API client
 * can add it to every write. The session context fills it whenever the session
 * is loaded or changes, and clears it on sign-out.
 */
let token: string | null = null
let markKnown: () => void = () => {}
const known = new Promise<void>((resolve) => {
  markKnown = resolve
})

/** Longest a write waits for the first session answer before going without a token. */
const WAIT_MS = 5000

export function setCsrfToken(value: string | null): void {
  token = value
  markKnown()
}

/**
 * The token, once the first session answer is in: a write made right after the
 * page loads (a sign-in link verified on arrival, a form sent at once) must not
 * go out without the token of a session the browser already holds.
 */
export async function csrfToken(): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, WAIT_MS)
  })
  await Promise.race([known, timeout])
  clearTimeout(timer)
  return token
}
