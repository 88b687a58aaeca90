// A file opened with Hakobu (Windows Send To, macOS Open With, a Linux file manager, the command
// line) is uploaded only after the user says yes in the window, in their language; a file opened
// before sign-in waits for it. The harness's /open-with stands in for the OS: it offers a file
// through the same core path as Electron's main does.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { demoCredentials } from '../helpers/identity';
import type { TestLocalAws } from '../helpers/local-aws';
import { s3Client } from '../local-aws/s3/s3-test-kit';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectText, PATIENCE_MS, signIn } from './support/screens';

/** Hands a file to the running Hakobu as the OS would when the user opens it with Hakobu. */
async function openWithHakobu(hakobu: HakobuSession, name: string, body: string): Promise<void> {
  const url = new URL(hakobu.harness.url);
  url.pathname = '/open-with';
  url.searchParams.set('name', name);
  const res = await fetch(url, { method: 'PUT', headers: { origin: url.origin }, body });
  expect(res.status).toBe(204);
}

/** What the demo user's prefix holds in S3 now: key suffix → body. */
async function objectsInS3(la: TestLocalAws): Promise<Map<string, string>> {
  const identity = await demoCredentials(la);
  const s3 = s3Client(la, identity);
  const prefix = `${identity.identityId}/`;
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: la.info.bucket, Prefix: prefix }),
  );
  const objects = new Map<string, string>();
  for (const { Key } of listed.Contents ?? []) {
    if (!Key) continue;
    const object = await s3.send(new GetObjectCommand({ Bucket: la.info.bucket, Key }));
    objects.set(Key.slice(prefix.length), (await object.Body?.transformToString()) ?? '');
  }
  return objects;
}

describe('files opened with Hakobu (English)', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'en-US' });
    await hakobu.open();
  });
  afterAll(() => hakobu?.close());

  it('asks, after sign-in, about a file opened before it, and uploads nothing on Cancel', async () => {
    const { page } = hakobu;
    await page.getByLabel('Email', { exact: true }).waitFor();
    await openWithHakobu(hakobu, 'draft.txt', 'not this one\n');
    await signIn(page, DEMO_USERNAME, DEMO_PASSWORD);
    const dialog = page.getByRole('alertdialog', {
      name: 'Upload 1 file to “hakobu-demo”?',
    });
    await dialog.waitFor({ timeout: PATIENCE_MS });
    expect(await dialog.innerText()).toContain('draft.txt');
    await hakobu.screenshot('open-with-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing waits any more: a reload does not ask again, and S3 holds nothing.
    await page.reload();
    await expectText(page, 'This folder is empty.');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect([...(await objectsInS3(hakobu.la)).keys()]).toEqual([]);
  });

  it('uploads the file once the user confirms, and it lands in S3', async () => {
    const { page } = hakobu;
    await openWithHakobu(hakobu, 'minutes.txt', 'minutes of the meeting\n');
    const dialog = page.getByRole('alertdialog', {
      name: 'Upload 1 file to “hakobu-demo”?',
    });
    await dialog.waitFor({ timeout: PATIENCE_MS });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expectText(page, 'Added 1 item to the uploads for “hakobu-demo”.');
    await page.getByRole('navigation').getByRole('button', { name: 'Transfers' }).click();
    await expectText(page, '1 done');
    await expect
      .poll(async () => Object.fromEntries(await objectsInS3(hakobu.la)), {
        timeout: PATIENCE_MS,
      })
      .toEqual({ 'minutes.txt': 'minutes of the meeting\n' });
    expect(hakobu.pageErrors).toEqual([]);
  });
});

describe('files opened with Hakobu (Japanese)', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'ja-JP' });
    await hakobu.open();
    await signIn(hakobu.page, DEMO_USERNAME, DEMO_PASSWORD, {
      email: 'メールアドレス',
      password: 'パスワード',
      signIn: 'サインイン',
    });
    await expectText(hakobu.page, 'このフォルダーは空です。');
  });
  afterAll(() => hakobu?.close());

  it('asks in Japanese about two files opened one after the other, and uploads both', async () => {
    const { page } = hakobu;
    // Explorer or Finder may hand over a selection as separate launches: they join one question.
    await openWithHakobu(hakobu, '議事録.txt', '会議の議事録\n');
    await openWithHakobu(hakobu, '予定表.txt', '来週の予定\n');
    const dialog = page.getByRole('alertdialog', {
      name: '2 個のファイルを「hakobu-demo」にアップロードしますか？',
    });
    await dialog.waitFor({ timeout: PATIENCE_MS });
    expect(await dialog.innerText()).toContain('議事録.txt');
    expect(await dialog.innerText()).toContain('予定表.txt');
    await hakobu.screenshot('ja-open-with-confirm');
    await dialog.getByRole('button', { name: 'アップロード', exact: true }).click();
    await expect
      .poll(async () => Object.fromEntries(await objectsInS3(hakobu.la)), {
        timeout: PATIENCE_MS,
      })
      .toEqual({ '議事録.txt': '会議の議事録\n', '予定表.txt': '来週の予定\n' });
    expect(hakobu.pageErrors).toEqual([]);
  });
});
