import http from 'node:http'
import net from 'node:net'

interface TestContext {
  teardown(fn: () => unknown): void
}

export interface RoundRobinProxy {
  url: string
  /** Requests (and websocket upgrades) each upstream received, by index. */
  served: number[]
  /** The upstream index the last websocket upgrade went to. */
  lastUpgrade: number | undefined
}

/**
 * A load balancer for tests: one port, requests handed to the upstreams in
 * turn (no stickiness), websocket upgrades forwarded as raw TCP.
 */
export async function startProxy(t: TestContext, upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u))
  let next = 0
  const pick = () => {
    const index = next
    next = (next + 1) % targets.length
    proxy.served[index]!++
    return { index, target: targets[index]! }
  }
  const server = http.createServer((req, res) => {
    const { target } = pick()
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(forward)
  })
  server.on('upgrade', (req, socket, head) => {
    const { index, target } = pick()
    proxy.lastUpgrade = index
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`]
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
      if (head.length > 0) upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  t.teardown(() => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  const proxy: RoundRobinProxy = {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    served: targets.map(() => 0),
    lastUpgrade: undefined,
  }
  return proxy
}
