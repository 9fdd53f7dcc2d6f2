import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.wrangler/', '.xdg/', 'db/migrations/', 'test-artifacts/'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'node:* only in src/entry, src/platform/node and storage/sqlite-node.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/entry/**',
      'src/platform/node/**',
      'src/storage/sqlite-node.ts',
      'test/**',
      'scripts/**',
      'bin/**',
      '*.config.*',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
)
