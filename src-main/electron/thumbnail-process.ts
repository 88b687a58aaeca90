// Electron's thumbnail helpers: utilityProcess children (the fuses forbid running Electron as
// Node, so child_process.fork cannot start one). The pool, the protocol and the helper script are
// core's; this file only connects them to utilityProcess.
import type { ForkOptions, UtilityProcess, utilityProcess } from 'electron';
import {
  describeExit,
  helperEnv,
  helperExecArgv,
  type HelperProcessOptions,
} from '../core/library/thumbnail-worker/fork';
import { HelperPool } from '../core/library/thumbnail-worker/pool';
import type { HelperChannel, HelperRequest } from '../core/library/thumbnail-worker/protocol';
import type { ThumbnailRenderer } from '../core/library/thumbnail-worker/renderer';

/** The part of Electron's utilityProcess module this file uses. */
export type UtilityProcessModule = Pick<typeof utilityProcess, 'fork'>;

/** The name the helpers show under in Activity Monitor, Task Manager and app.getAppMetrics(). */
export const THUMBNAIL_SERVICE_NAME = 'Hakobu thumbnails';

/** Starts one helper as a utilityProcess, talking over its parentPort. */
export function forkUtilityHelper(
  utility: UtilityProcessModule,
  helperPath: string,
  options: Omit<HelperProcessOptions, 'helperPath'> = {},
): HelperChannel {
  const forkOptions: ForkOptions = {
    serviceName: THUMBNAIL_SERVICE_NAME,
    execArgv: helperExecArgv(helperPath, options.heapMiB),
    env: helperEnv(options.testHooks),
    stdio: ['ignore', 'ignore', 'pipe'],
  };
  const child: UtilityProcess = utility.fork(helperPath, [], forkOptions);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  // Messages wait for the process to be up, so none is lost to a slow start.
  let started = false;
  const early: HelperRequest[] = [];
  child.once('spawn', () => {
    started = true;
    for (const request of early.splice(0)) child.postMessage(request);
  });
  return {
    send: (request) => (started ? child.postMessage(request) : void early.push(request)),
    kill: () => void child.kill(),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) =>
      void child.once('exit', (code) => listener(describeExit(code, null, stderr))),
  };
}

/**
 * The app's ThumbnailRenderer: images are decoded in utilityProcess helpers, never in main.
 * `helperPath` is the bundled helper, dist/main/thumbnail-helper.cjs (HELPER_BUNDLE).
 */
export function createUtilityThumbnailRenderer(
  utility: UtilityProcessModule,
  helperPath: string,
  options: Omit<HelperProcessOptions, 'helperPath'> = {},
): ThumbnailRenderer {
  return new HelperPool(() => forkUtilityHelper(utility, helperPath, options), options);
}
