// Lint: the stage boundaries of docs/ARCHITECTURE.md as a rule, plus a few checks that catch real bugs.
// A stage folder under src/ may import only from stages in lower layers (and from itself), so the folder
// graph stays a pipeline: no cycles, and numerics/ and render/ (tables, listings and charts) never learn
// about the trial. Subfolders (render/charts/, tlf/figures/, tlf/listings/) belong to their folder's layer.
import tseslint from 'typescript-eslint';

/** Layers, lowest first. A folder may import folders of strictly lower layers. */
const LAYERS = [
  ['core', 'ard', 'numerics'],
  ['lock', 'render'],
  ['sap', 'unblinding', 'simulate', 'output'],
  ['derive'],
  ['analyze', 'explain', 'submission'],
  ['tlf'],
  ['pipeline'],
  ['cli'],
];

const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));
const ALL = [...layerOf.keys()];

/** Import patterns that reach a folder of `folder`'s own or a higher layer (other than itself). */
function forbiddenFrom(folder) {
  const mine = layerOf.get(folder);
  return ALL.filter((f) => f !== folder && layerOf.get(f) >= mine).flatMap((f) => [
    `../${f}/*`,
    `../../${f}/*`,
    `../../../${f}/*`,
  ]);
}

const boundaries = ALL.filter((folder) => forbiddenFrom(folder).length > 0).map((folder) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: forbiddenFrom(folder),
            message: `src/${folder}/ may import only lower stages (docs/ARCHITECTURE.md; layers in eslint.config.js).`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-fallthrough': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      // Tests may not hide a test by accident.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'describe', property: 'only' },
        { object: 'test', property: 'only' },
      ],
    },
  },
  ...boundaries,
);
