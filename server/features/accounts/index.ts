import type { FastifyInstance } from 'fastify'
import type { AccountsService } from './accounts.service.js'
import type { JoinService } from './join.service.js'
import type { MeService } from './me.service.js'
import { authRoutes } from './auth.routes.js'
import { meRoutes } from './me.routes.js'

export default async function accountsFeature(
  app: FastifyInstance,
  options: { accounts: AccountsService; join: JoinService; me: MeService; secureCookies: boolean },
) {
  await app.register(authRoutes, options)
  await app.register(meRoutes, { me: options.me })
}
