/**
 * Who may call a route, declared on the route itself (`config.access`).
 * `public`: anyone, signed in or not.
 */
export type Access = 'public'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
}
