import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/infra/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
})
