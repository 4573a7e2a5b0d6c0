import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Files that still read another feature's tables or repository. Each is to move
 * behind that feature's read API (eventOf, membersToNotify, …); the list only shrinks.
 */
const STILL_READING_OTHER_FEATURES_TABLES = [
  'server/features/accounts/me.service.ts',
  'server/features/audit/audit.service.ts',
  'server/features/catalogue/catalogue.documents.ts',
  'server/features/catalogue/catalogue.repository.ts',
  'server/features/catalogue/catalogue.service.ts',
  'server/features/events/editions.service.ts',
  'server/features/live/live.service.ts',
  'server/features/matching/recommendations.compute.ts',
  'server/features/matching/recommendations.repository.ts',
  'server/features/matching/recommendations.service.ts',
  'server/features/matching/recommendations.triggers.ts',
  'server/features/matching/views.service.ts',
  'server/features/organisations/organisations.read.ts',
  'server/features/organisations/organisations.repository.ts',
  'server/features/participation/participation.read.ts',
  'server/features/participation/participation.service.ts',
  'server/features/participation/targeting.service.ts',
  'server/features/schedules/schedules.service.ts',
]

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'dist/', 'data/', '.tap/', 'coverage/', 'drizzle/meta/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' },
      ],
    },
  },
  {
    // A feature owns its tables: others use its service, its read API, its model and its errors.
    // Table files may still reference another feature's table for a foreign key.
    files: ['server/features/**/*.ts'],
    ignores: ['server/features/**/*.table.ts', ...STILL_READING_OTHER_FEATURES_TABLES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.table.js', '../*/*.repository.js'],
              message: "Another feature's tables and repository are its own: use its service or read API.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/config.ts', 'test/**', 'bench/**', '.ci/**', 'drizzle.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
)
