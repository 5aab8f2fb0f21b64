import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

const APP = ['src/app', 'src/components', 'src/composables', 'src/pages', 'src/stores', 'src/locales', 'src/styles', 'src/App.vue', 'src/main.ts']
/** Each layer and what it must not import (everything above it). */
const LAYERS = {
  'src/domain': ['src/ingest', 'src/metrics', 'src/engine', 'src/report', 'src/tools', 'src/cli', ...APP],
  'src/ingest': ['src/metrics', 'src/engine', 'src/report', 'src/tools', 'src/cli', ...APP],
  'src/metrics': ['src/engine', 'src/report', 'src/tools', 'src/cli', ...APP],
  'src/engine': ['src/report', 'src/tools', 'src/cli', ...APP],
  'src/report': ['src/tools', 'src/cli', ...APP],
  'src/tools': ['src/report', 'src/cli', ...APP],
  'src/cli': APP,
}
const LAYER_ZONES = Object.entries(LAYERS).flatMap(([target, from]) =>
  from.map(f => ({ target: `./${target}`, from: `./${f}`, message: `${target} sits below ${f} (README, Architecture).` })))

// Lint and format in one pass (`npm run format` = eslint --fix): no separate Prettier step.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'seeds/**/*.txt', '.tmp/**', 'bench/out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, braceStyle: 'stroustrup' }),
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': ['error', { singleline: 8 }],
      'vue/singleline-html-element-content-newline': 'off',
      'no-console': 'off',
    },
  },
  // One-way layers (README, "Architecture"): domain ← ingest ← metrics ← engine, with the app,
  // cli, report and tools on top. A lower layer importing a higher one fails lint, so does a cycle.
  {
    files: ['src/**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts'], 'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] }, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Node's own modules only where Node runs: the CLI, the tools and the */node/ folders.
    files: ['src/{domain,ingest,metrics,engine,report,app,components,composables,pages,stores,locales}/**/*.{ts,vue}', 'src/*.{ts,vue}'],
    ignores: ['src/**/node/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Node modules belong in src/cli, src/tools or a node/ folder.' }] }],
    },
  },
)
