// The app's thumbnail helpers are utilityProcess children. Against the mock: how they are started
// and replaced. Against a Node child dressed as a utilityProcess: the real helper draws and dies.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_HOOKS_ENV } from '../../../src-main/core/library/thumbnail-worker/protocol';
import type { ThumbnailRenderer } from '../../../src-main/core/library/thumbnail-worker/renderer';
import {
  createUtilityThumbnailRenderer,
  THUMBNAIL_SERVICE_NAME,
  type UtilityProcessModule,
} from '../../../src-main/electron/thumbnail-process';
import { createElectronModule, type MockUtilityProcess } from '../../mocks/electron';

const root = resolve(import.meta.dirname, '../../..');
const HELPER = join(root, 'src-main/core/library/thumbnail-worker/helper.ts');
const SHIM = join(import.meta.dirname, 'fixtures/parent-port-shim.mjs');
const OPTIONS = { size: 256, maxInputPixels: 10_000_000 };

/** utilityProcess.fork as a Node child with process.parentPort, running the real helper. */
const nodeUtilityProcess = {
  fork: (
    modulePath: string,
    args: string[] = [],
    options: { execArgv?: string[]; env?: object },
  ) => {
    const child = fork(modulePath, args, {
      execArgv: ['--import', SHIM, ...(options.execArgv ?? [])],
      env: options.env as NodeJS.ProcessEnv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const utility = Object.assign(new EventEmitter(), {
      stderr: child.stderr,
      postMessage: (message: unknown) => child.connected && child.send(message as object),
      kill: () => child.kill('SIGKILL'),
    });
    child.on('spawn', () => utility.emit('spawn'));
    child.on('message', (message) => utility.emit('message', message));
    child.on('exit', (code) => utility.emit('exit', code ?? 1));
    child.on('error', () => undefined);
    return utility;
  },
} as unknown as UtilityProcessModule;

const renderers: ThumbnailRenderer[] = [];
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((renderer) => renderer.close()));
});

describe('thumbnail helpers as utility processes', () => {
  it('starts a named helper with a bounded heap and no test hooks, and replaces one that dies', async () => {
    const electron = createElectronModule();
    const renderer = createUtilityThumbnailRenderer(
      electron.utilityProcess as unknown as UtilityProcessModule,
      '/app.asar/dist/main/thumbnail-helper.cjs',
      { helpers: 1 },
    );
    renderers.push(renderer);
    const first = renderer.render(new Uint8Array([1, 2, 3]), OPTIONS);
    const child = electron.utilityProcesses[0] as MockUtilityProcess;
    expect(child.modulePath).toBe('/app.asar/dist/main/thumbnail-helper.cjs');
    expect(child.options).toMatchObject({
      serviceName: THUMBNAIL_SERVICE_NAME,
      execArgv: [expect.stringMatching(/^--max-old-space-size=\d+$/)],
    });
    expect((child.options.env as Record<string, string>)[TEST_HOOKS_ENV]).toBeUndefined();

    await new Promise((done) => setTimeout(done, 0));
    expect(child.received.map((m) => (m as { type: string }).type)).toEqual([
      'start',
      'chunk',
      'end',
    ]);
    child.emit('exit', 11);
    await expect(first).rejects.toMatchObject({ reason: 'crashed' });

    const second = renderer.render(new Uint8Array([4]), OPTIONS);
    const fresh = electron.utilityProcesses[1] as MockUtilityProcess;
    expect(fresh).toBeDefined();
    await new Promise((done) => setTimeout(done, 0));
    const start = fresh.received[0] as { id: number };
    fresh.emit('message', { type: 'done', id: start.id, data: new Uint8Array([7]) });
    expect([...(await second)]).toEqual([7]);
  });

  it('draws through process.parentPort, and survives a helper that crashes', async () => {
    const renderer = createUtilityThumbnailRenderer(nodeUtilityProcess, HELPER, {
      helpers: 1,
      testHooks: true,
    });
    renderers.push(renderer);
    const png = await sharp({
      create: { width: 600, height: 400, channels: 3, background: '#3a7' },
    })
      .png()
      .toBuffer();
    const drawn = await sharp(await renderer.render(png, OPTIONS)).metadata();
    expect([drawn.format, drawn.width, drawn.height]).toEqual(['webp', 256, 171]);

    await expect(renderer.render(Buffer.from('HAKOBU-TEST:crash'), OPTIONS)).rejects.toMatchObject({
      reason: 'crashed',
    });
    const again = await sharp(await renderer.render(png, OPTIONS)).metadata();
    expect(again.width).toBe(256);
  });
});
