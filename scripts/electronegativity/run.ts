// Runs Electronegativity over the app's sources and fails on any finding that is neither fixed nor
// justified by a comment beside it: `// electronegativity: CHECK_ID — a sentence saying why` on the
// line reported or in the three lines above it (see justification.ts).
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { judgeFinding } from './justification';

const root = join(import.meta.dirname, '..', '..');
const scanDir = mkdtempSync(join(tmpdir(), 'hakobu-electronegativity-'));
const sources = join(scanDir, 'src');
for (const dir of ['src-main', 'src-renderer']) {
  cpSync(join(root, dir), join(sources, dir), { recursive: true });
}

// Electronegativity's CLI first downloads translations and Electron's release list; offline, a
// got retry bug then crashes it. Run its scanner in-process with the bundled English strings.
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const i18nModule = join(packageDir, 'dist', 'locales', 'i18n.js');
const i18n = require('i18n') as {
  configure(options: object): void;
  setLocale(locale: string): void;
};
const offlineI18n = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(i18nModule),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
require.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: { __esModule: true, default: offlineI18n },
} as unknown as NodeJS.Module;
interface Issue {
  id: string;
  file: string;
  location: { line: number };
}
const runScan = require(join(packageDir, 'dist', 'runner.js')) as (
  options: object,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;
const result = await runScan({
  input: sources,
  isSarif: false,
  customScan: [],
  // Needs Electron's release list from the network; the pinned version is a reviewed choice.
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: '45.4.1',
  parserPlugins: [],
});
for (const error of result.errors)
  console.error(`electronegativity: could not parse ${error.file}: ${error.message}`);

interface Finding {
  check: string;
  file: string;
  line: number;
}
const findings: Finding[] = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file,
  line: issue.location.line,
}));

const problems = findings.flatMap((finding) => {
  const { check, file, line } = finding;
  const verdict =
    file === 'N/A'
      ? ({ justified: false, problem: 'missing' } as const)
      : judgeFinding(readFileSync(join(sources, file), 'utf8').split('\n'), check, line);
  if (verdict.justified) return [];
  const where = `${check} at ${file}:${line}`;
  return [
    verdict.problem === 'missing'
      ? `electronegativity: ${where} is neither fixed nor justified`
      : `electronegativity: ${where} has no real justification ("${verdict.reason ?? ''}"): write a sentence saying why it is safe`,
  ];
});
rmSync(scanDir, { recursive: true, force: true });
for (const problem of problems) console.error(problem);
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - problems.length} justified, ${problems.length} open`,
);
process.exit(problems.length ? 1 : 0);
