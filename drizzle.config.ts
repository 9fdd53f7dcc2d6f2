import { defineConfig } from 'drizzle-kit'

// SQLite migrations double as the D1 migrations_dir in wrangler.toml.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite.ts',
  out: './db/migrations/sqlite',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/sitrep.db' },
})
