/** A steady load of HTTP requests from a few concurrent loops, kept until `stop()`; every answer is recorded. */

export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  body?: unknown
}

export interface LoadAnswer {
  request: LoadRequest
  /** 0 when no HTTP answer came back (connection refused or reset). */
  status: number
  body: unknown
  startedAt: number
  endedAt: number
}

export interface Load {
  answers: LoadAnswer[]
  /** Stops issuing requests and waits for those in flight. */
  stop(): Promise<LoadAnswer[]>
}

export function startLoad(options: {
  baseUrl: string
  headers: Record<string, string>
  loops: number
  next: (n: number) => LoadRequest
}): Load {
  const answers: LoadAnswer[] = []
  let running = true
  let n = 0
  const loop = async () => {
    while (running) {
      const request = options.next(n++)
      const startedAt = performance.now()
      let status = 0
      let body: unknown = null
      try {
        const res = await fetch(`${options.baseUrl}${request.path}`, {
          method: request.method,
          headers: {
            ...options.headers,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        })
        status = res.status
        const text = await res.text()
        body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
      } catch {
        // No HTTP answer: status stays 0.
      }
      answers.push({ request, status, body, startedAt, endedAt: performance.now() })
      // A refused connection answers at once: do not spin.
      if (status === 0 || status >= 500) await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const loops = Array.from({ length: options.loops }, loop)
  return {
    answers,
    stop: async () => {
      running = false
      await Promise.all(loops)
      return answers
    },
  }
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
