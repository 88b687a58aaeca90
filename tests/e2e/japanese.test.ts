import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { dropFiles } from './support/drop';
import { testImage } from './support/files';
import { startHakobu, type HakobuSession } from './support/hakobu';
import { expectDecoded, expectProgress, expectText, signIn } from './support/screens';

const JAPANESE = { email: 'メールアドレス', password: 'パスワード', signIn: 'サインイン' };

/** True when a text is written in Japanese (kana or kanji), not left in English. */
const isJapanese = (text: string) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(text);

// A computer whose OS language is Japanese: every screen speaks Japanese, errors included.
describe('Hakobu in Japanese', () => {
  let hakobu: HakobuSession;

  beforeAll(async () => {
    hakobu = await startHakobu({ locale: 'ja-JP' });
    await hakobu.open();
  });
  afterAll(() => hakobu?.close());

  it('shows the sign-in screen, and a wrong password, in Japanese', async () => {
    const { page } = hakobu;
    await page.getByRole('button', { name: 'サインイン', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'サインイン' }).waitFor();
    await hakobu.screenshot('ja-sign-in');

    await signIn(page, DEMO_USERNAME, 'Not-the-password-1', JAPANESE);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('メールアドレスまたはパスワードが正しくありません');
  });

  it('shows the library and the transfers in Japanese', async () => {
    const { page } = hakobu;
    await signIn(page, DEMO_USERNAME, DEMO_PASSWORD, JAPANESE);
    await expectText(page, 'このフォルダーは空です。');
    const nav = page.getByRole('navigation');
    for (const name of ['ライブラリ', '転送', '設定'])
      await nav.getByRole('button', { name }).waitFor();

    await dropFiles(page, [await testImage('夕焼け.png', 'png', [255, 120, 60])]);
    await expectText(page, '1 件を「hakobu-demo」へのアップロードに追加しました。');
    await expectDecoded(page.getByRole('img', { name: '夕焼け.png' }));
    await hakobu.screenshot('ja-library');

    await nav.getByRole('button', { name: '転送' }).click();
    await page.getByRole('heading', { name: '転送' }).waitFor();
    await expectProgress(page.getByRole('progressbar', { name: '全体の進行状況' }), 100);
    await expectText(page, '1 件完了');
    await hakobu.screenshot('ja-transfers');
  });

  it('runs diagnostics in Japanese, step titles and findings alike', async () => {
    const { page } = hakobu;
    await page.getByRole('navigation').getByRole('button', { name: '設定' }).click();
    await page.getByRole('button', { name: '診断を開く' }).click();
    await expectText(page, '問題は見つかりませんでした。');
    const steps = page.getByRole('listitem');
    expect(await steps.count()).toBeGreaterThan(12);
    for (const text of await steps.allInnerTexts()) {
      const [title, ...details] = text.split('\n').filter((line) => line.trim() !== '');
      expect(isJapanese(title ?? ''), title).toBe(true);
      for (const detail of details) expect(isJapanese(detail), detail).toBe(true);
    }
    await expectText(page, '「hakobu-demo」のバケット');
    await hakobu.screenshot('ja-diagnostics');
    expect(hakobu.pageErrors).toEqual([]);
  });
});
