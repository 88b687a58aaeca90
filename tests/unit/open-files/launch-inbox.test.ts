import { describe, expect, it } from 'vitest';
import { LaunchInbox } from '../../../src-main/core/open-files';

function inbox() {
  const urls: string[] = [];
  const offered: { paths: string[]; skipped: number }[] = [];
  const box = new LaunchInbox({
    defaultApp: false,
    platform: 'linux',
    openUrl: (u) => urls.push(u),
  });
  const attach = () => box.attach((paths, skipped) => offered.push({ paths, skipped }));
  return { box, urls, offered, attach };
}

describe('the launch inbox', () => {
  it('keeps files that arrive before the app is ready (macOS open-file) and offers them once, in order', () => {
    const { box, offered, attach } = inbox();
    box.files(['/Users/hana/a.jpg']);
    box.commandLine(['Hakobu', 'b.jpg'], '/Users/hana');
    expect(offered).toEqual([]);
    attach();
    expect(offered).toEqual([{ paths: ['/Users/hana/a.jpg', '/Users/hana/b.jpg'], skipped: 0 }]);
    box.files(['/Users/hana/c.jpg']);
    expect(offered).toHaveLength(2);
    expect(offered[1]?.paths).toEqual(['/Users/hana/c.jpg']);
  });

  it('sends hakobu: URLs on at once and never offers them as files', () => {
    const { box, urls, offered, attach } = inbox();
    box.commandLine(['Hakobu', 'hakobu://callback?code=abc'], '/');
    attach();
    expect(urls).toEqual(['hakobu://callback?code=abc']);
    expect(offered).toEqual([]);
  });

  it('offers nothing for a plain launch', () => {
    const { box, offered, attach } = inbox();
    box.commandLine(['Hakobu', '--no-sandbox'], '/');
    attach();
    box.commandLine(['Hakobu'], '/');
    expect(offered).toEqual([]);
  });
});
