import type { Health } from '../../../shared/schemas/health.js'
import type { Problem } from '../../../shared/schemas/problem.js'
import { csrfToken } from './csrf-token.js'

export type HttpMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * A failed API call. UI code switches on `code` (a stable, namespaced string such
 * as `offers.not_found`), never on `message`, which is only meant for logs.
 */
export class ApiError extends Error {
  readonly problem: Problem
  readonly status: number
  readonly code: string

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
    this.problem = problem
    this.status = problem.status
    this.code = problem.code
  }
}

interface RequestOptions<T> {
  method: 'GET' | HttpMethod
  path: string
  body?: unknown
  /** Sent as the raw body with its own type (an upload), instead of JSON. */
  file?: File
  /** Accepts a non-2xx body as a payload, e.g. a 503 health report. */
  acceptsPayload?: (body: unknown) => body is T
}

export function apiGet<T>(path: string): Promise<T> {
  return request<T>({ method: 'GET', path })
}

export function apiSend<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  return request<T>({ method, path, body })
}

/** Sends a file as the body (PUT); the server checks its type from its bytes. */
export function apiUpload<T>(path: string, file: File): Promise<T> {
  return request<T>({
    method: 'PUT',
    path: `${path}${path.includes('?') ? '&' : '?'}fileName=${encodeURIComponent(file.name)}`,
    file,
  })
}

/** Fetches a file-like answer (e.g. a data export) as a Blob; failures throw ApiError like any call. */
export async function apiDownload(path: string): Promise<Blob> {
  const response = await send({ method: 'GET', path })
  if (response.ok) return response.blob()
  throw failure(toProblem(await readBody(response), response), path)
}

type ProblemListener = (error: ApiError, path: string) => void
const listeners = new Set<ProblemListener>()

/** Lets the session react to `auth.unauthenticated` or `auth.csrf_failed` from any call. */
export function onApiProblem(listener: ProblemListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function failure(problem: Problem, path: string): ApiError {
  const error = new ApiError(problem)
  listeners.forEach((listener) => listener(error, path))
  return error
}

export function getHealth(): Promise<Health> {
  // The server answers 503 with the same report when a component is down.
  return request<Health>({ method: 'GET', path: '/health', acceptsPayload: isHealth })
}

async function request<T>(options: RequestOptions<T>): Promise<T> {
  const response = await send(options)
  const body = await readBody(response)
  if (response.ok) return body as T
  if (options.acceptsPayload?.(body)) return body
  throw failure(toProblem(body, response), options.path)
}

async function send({ method, path, body, file }: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (file) headers['content-type'] = file.type || 'application/octet-stream'
  else if (body !== undefined) headers['content-type'] = 'application/json'
  // Writes made while signed in must prove they come from this page.
  const token = method === 'GET' ? null : await csrfToken()
  if (token !== null) headers['x-csrf-token'] = token
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? null : JSON.stringify(body)),
    })
  } catch (cause) {
    throw new ApiError(networkProblem(path, cause))
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

function toProblem(body: unknown, response: Response): Problem {
  if (isProblem(body)) return body
  return {
    type: 'about:blank',
    title: response.statusText || 'HTTP error',
    status: response.status,
    code: `http.${response.status}`,
    instance: new URL(response.url || '/', window.location.href).pathname,
  }
}

function networkProblem(path: string, cause: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'Network request failed',
    status: 0,
    code: 'network.failed',
    detail: cause instanceof Error ? cause.message : String(cause),
    instance: path,
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isProblem(body: unknown): body is Problem {
  return (
    isRecord(body) && typeof body.code === 'string' && typeof body.status === 'number' && typeof body.title === 'string'
  )
}

function isHealth(body: unknown): body is Health {
  return isRecord(body) && ['database', 'search', 'mail'].every((key) => isRecord(body[key]))
}

/** The language of an export (`lang=`): Italian for an Italian interface, English otherwise. */
export const exportLanguage = (language: string): 'en' | 'it' => (language.startsWith('it') ? 'it' : 'en')

/** A query object as an address's search part, leaving out what is unset. */
export function searchOf(query: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [[key, String(value)]],
  )
  return new URLSearchParams(entries).toString()
}
