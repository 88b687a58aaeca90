import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorStepView } from '../../src-main/contract/views';
import { HakobuConfig } from '../../src-main/core/config';
import { doctorPlan } from '../../src-main/core/doctor/plan-steps';
import { doctorStepText, doctorStepTitle } from '../../src-renderer/features/settings/doctor-text';
import { createI18n } from '../../src-renderer/i18n';
import ja from '../../src-renderer/i18n/ja.json';

type Tree = { [key: string]: string | Tree };

function leaf(tree: Tree, dotted: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of dotted.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const doctorDir = join(import.meta.dirname, '../../src-main/core/doctor');
// Explanations of pasted messages are the CLI's (`hakobu doctor --explain`), not steps the UI shows.
const doctorSources = sourceFiles(doctorDir)
  .filter((file) => !file.includes(`${join('doctor', 'explain')}`))
  .map((file) => readFileSync(file, 'utf8'));

/** Every outcome code a doctor step can report, and those only ever reported as ok or skipped. */
function outcomeCodes(): { all: Set<string>; withoutFix: Set<string> } {
  const all = new Set<string>();
  const calm = new Set<string>();
  const other = new Set<string>();
  for (const source of doctorSources) {
    for (const [, code] of source.matchAll(/'(doctor\.[a-zA-Z]+\.[a-zA-Z]+|doctor\.internal)'/g))
      if (code) all.add(code);
    for (const [, kind, code] of source.matchAll(/\b(passed|skipped|failed|warned)\(\s*'([^']+)'/g))
      if (code) (kind === 'passed' || kind === 'skipped' ? calm : other).add(code);
  }
  return { all, withoutFix: new Set([...calm].filter((code) => !other.has(code))) };
}

const sampleConfig = HakobuConfig.parse({
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_Abcdefghi',
  clientId: 'abcdefghijklmnopqrstuvwxyz',
  identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  locations: [{ name: 'Photos', bucket: 'hakobu-photos' }],
});

const step = (overrides: Partial<DoctorStepView>): DoctorStepView => ({
  id: 'clock',
  title: 'Clock',
  status: 'ok',
  ...overrides,
});

describe('Japanese for doctor', () => {
  it('has a title for every kind of step doctor runs', () => {
    const kinds = new Set(doctorPlan(sampleConfig, true).map(({ id }) => id.split(':')[0]));
    expect(kinds.size).toBeGreaterThan(12);
    const missing = [...kinds].filter((kind) => !leaf(ja, `diagnostics.steps.${kind}`));
    expect(missing).toEqual([]);
  });

  it('has the detail of every outcome, and the fix of every warning and failure', () => {
    const { all, withoutFix } = outcomeCodes();
    expect(all.size).toBeGreaterThan(60);
    expect(all).toContain('doctor.role.noRoleAssigned');
    const missing = [...all].flatMap((code) => [
      ...(leaf(ja, `${code}.detail`) ? [] : [`${code}.detail`]),
      ...(withoutFix.has(code) || leaf(ja, `${code}.fix`) ? [] : [`${code}.fix`]),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('doctor step text', () => {
  it('names the location in the title of a per-location step', async () => {
    const i18n = await createI18n('ja');
    expect(doctorStepTitle(i18n, step({ id: 'bucket:Photos', title: 'Bucket of "Photos"' }))).toBe(
      '「Photos」のバケット',
    );
    const english = await createI18n('en');
    expect(
      doctorStepTitle(english, step({ id: 'bucket:Photos', title: 'Bucket of "Photos"' })),
    ).toBe('Bucket of "Photos"');
  });

  it('translates detail and fix by code, with the values main sent', async () => {
    const i18n = await createI18n('ja');
    const role = step({
      id: 'role',
      title: 'Role and AWS credentials',
      status: 'fail',
      code: 'doctor.role.noRoleAssigned',
      detail: 'The identity pool refused… no authenticated role assigned.',
      fix: 'Assign an authenticated role…',
      params: { cause: 'noRoleAssigned', identityPoolId: 'ap-northeast-1:abc' },
    });
    expect(doctorStepText(i18n, role, 'detail', [role])).toContain(
      'ID プール ap-northeast-1:abc に認証済みロールが割り当てられていません',
    );
    expect(doctorStepText(i18n, role, 'fix', [role])).toContain(
      '認証済みロールを割り当ててください',
    );
  });

  it('names the step a skipped one waited for by its translated title', async () => {
    const i18n = await createI18n('ja');
    const blocker = step({ id: 'role', title: 'Role and AWS credentials', status: 'fail' });
    const skippedStep = step({
      id: 'bucket:Photos',
      status: 'skipped',
      code: 'doctor.skipped.dependency',
      detail: 'Skipped: “Role and AWS credentials” failed.',
      params: { dependsOn: 'role' },
    });
    expect(doctorStepText(i18n, skippedStep, 'detail', [blocker, skippedStep])).toBe(
      '「ロールと AWS 認証情報」が失敗したか、スキップされたため、スキップしました。',
    );
  });

  it("keeps main's words when a value the sentence needs is empty or the code is unknown", async () => {
    const i18n = await createI18n('ja');
    const noBucket = step({
      id: 'bucket:Photos',
      status: 'fail',
      code: 'doctor.bucket.missing',
      detail: 'Bucket  does not exist (NoSuchBucket).',
      params: { bucket: '', location: 'Photos', region: 'ap-northeast-1' },
    });
    expect(doctorStepText(i18n, noBucket, 'detail', [noBucket])).toBe(noBucket.detail);
    const brandNew = step({ code: 'doctor.brandNew.thing', detail: 'Something new.' });
    expect(doctorStepText(i18n, brandNew, 'detail', [brandNew])).toBe('Something new.');
    expect(doctorStepText(i18n, step({ detail: 'No code.' }), 'fix', [])).toBeUndefined();
  });
});
