/* global module */
// The backend's module walls, checked by `npm run lint` (script lint:deps). docs/ARCHITECTURE.md
// explains them; each rule's comment says which part it keeps true.
//
// Specs are allowed more: they are not cruised at all, so a spec may arrange and read any module's
// data (its repository, its entity, the whole app through src/test/). Test support (src/test/,
// *-test-helpers.ts) is cruised, is exempt from the two "foreign" rules, and no app code may import it.

/** Feature modules: one folder each under backend/src/. */
const feature =
  '(agenda|attendees|audit|auth|badges|checkin|forums|health|invitations|mail|nominations|outreach|register|retention)';
/** Ground layers: shared by every module, knowing none. */
const ground = '(common|config|database|logging)';
/** The app root: composes the modules (app.module, bootstrap, main, cli, seed, the entity list). */
const root = '^backend/src/(app\\.module|bootstrap|main|entities)\\.ts$|^backend/src/(cli|seed)/';
const testCode = '\\.spec\\.ts$|^backend/src/test/|-test-helpers\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-foreign-repository',
      comment:
        "A module's tables are written and read through its own repositories; other modules call its service " +
        '(which is all a module exports).',
      severity: 'error',
      from: { path: `^backend/src/${feature}/`, pathNot: testCode },
      to: { path: `^backend/src/${feature}/.+\\.repository\\.ts$`, pathNot: '^backend/src/$1/' },
    },
    {
      name: 'no-foreign-entity',
      comment:
        "Another module's entity class is the key to its table (getRepository, joins, writes), so it is not imported, " +
        "not even as a type: use the types the owning module's service exports (e.g. `import type { Forum } from '../forums/forums.service'`).",
      severity: 'error',
      from: { path: `^backend/src/${feature}/`, pathNot: testCode },
      to: { path: `^backend/src/${feature}/.+\\.entity\\.ts$`, pathNot: '^backend/src/$1/' },
    },
    {
      name: 'ground-imports-no-feature',
      comment:
        'common, config, database and logging are the ground every module stands on: they import no module and not the app root.',
      severity: 'error',
      from: { path: `^backend/src/${ground}/` },
      to: { path: '^backend/src/', pathNot: `^backend/src/${ground}/|^backend/src/paths\\.ts$` },
    },
    {
      name: 'modules-import-no-app-root',
      comment: 'The app root composes the modules; a module that imported it would depend on every other module.',
      severity: 'error',
      from: { path: `^backend/src/${feature}/`, pathNot: testCode },
      to: { path: root },
    },
    {
      name: 'code-imports-no-test-support',
      comment: 'Test support (src/test/, fixtures, supertest) is for specs; the app never loads it.',
      severity: 'error',
      from: { path: '^backend/src/', pathNot: testCode },
      to: { path: testCode },
    },
    {
      name: 'no-module-cycles',
      comment:
        'Between modules (top-level folders, each with its subfolders) dependencies go one way. A module that must ' +
        'take part in something a module above it does registers a handler with it (see register/member-data-holders.ts).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^backend/src/[^/]+$' },
      to: { circular: true, path: '^backend/src/[^/]+$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$|^backend/src/database/migrations/' },
    // `import type` counts: a type from another module's entity is still a dependency on it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
