import { useEffect, useRef, useState } from 'react'

export interface LiveMessage {
  id?: number
  type: string
  channel?: string
  payload?: Record<string, unknown>
}

/**
 * Follows a live channel over a websocket; reconnects with growing pauses and
 * resumes from the last id seen, so nothing said meanwhile is lost.
 */
export function useLive(
  query: string | null,
  onMessage: (message: LiveMessage) => void,
): 'connecting' | 'live' | 'offline' {
  const [state, setState] = useState<'connecting' | 'live' | 'offline'>('connecting')
  const handler = useRef(onMessage)
  handler.current = onMessage
  useEffect(() => {
    if (query === null) return
    let socket: WebSocket | undefined
    let lastId: number | undefined
    let attempt = 0
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      const url = new URL(`/api/live?${query}${lastId === undefined ? '' : `&since=${lastId}`}`, window.location.href)
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
      socket = new WebSocket(url)
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as LiveMessage
        if (message.type === 'ready') {
          attempt = 0
          setState('live')
          return
        }
        if (message.id !== undefined) lastId = Math.max(lastId ?? 0, message.id)
        handler.current(message)
      }
      socket.onclose = () => {
        if (stopped) return
        setState('offline')
        attempt += 1
        timer = setTimeout(open, Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)))
      }
    }
    open()
    return () => {
      stopped = true
      clearTimeout(timer)
      socket?.close()
    }
  }, [query])
  return state
}
