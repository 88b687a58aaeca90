// A small stand-in for the parts of Electron that Hakobu's shell touches, in the spirit of
// electron/fiddle's tests/mocks/electron.ts: enough behaviour to drive our code, no more.
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class MockWebFrameMain {
  constructor(public url: string) {}
}

export class MockWebContents extends EventEmitter {
  mainFrame: MockWebFrameMain;
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;

  constructor(url = 'hakobu-app://app/index.html') {
    super();
    this.mainFrame = new MockWebFrameMain(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a cancellable event the way Electron does, returning whether it was prevented. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class MockIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler as if `sender`'s frame had invoked it. */
  async invoke(
    channel: string,
    sender: MockWebContents,
    frame: MockWebFrameMain | null,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: frame }, ...args);
  }
}

export class MockProtocol {
  handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  handle(
    scheme: string,
    handler: (request: { url: string }) => Promise<Response> | Response,
  ): void {
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no protocol handler for ${url}`);
    return handler({ url });
  }
}

/** A utilityProcess child: records what main posts to it; the test plays the helper's side. */
export class MockUtilityProcess extends EventEmitter {
  received: unknown[] = [];
  killed = false;
  stderr = null;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    // Electron reports the start asynchronously, after fork() has returned.
    process.nextTick(() => this.emit('spawn'));
  }
  postMessage(message: unknown): void {
    this.received.push(message);
  }
  kill(): boolean {
    this.killed = true;
    process.nextTick(() => this.emit('exit', 9));
    return true;
  }
}

/** A mock of the `electron` module's main-process surface that main.ts touches at start-up. */
export function createElectronModule() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => void (electron.calls.enableSandbox += 1),
    quit: () => void (electron.calls.quit += 1),
    exit: (code = 0) => void electron.calls.exit.push(code),
    getPath: (name: string) => `/tmp/hakobu-electron-mock/${name}`,
    getLocale: () => 'ja',
    getVersion: () => '0.0.0-mock',
    whenReady: () => new Promise<void>(() => {}),
  });
  const permissionHandlers: ((...args: unknown[]) => unknown)[] = [];
  const utilityProcesses: MockUtilityProcess[] = [];
  const electron = {
    calls: {
      enableSandbox: 0,
      quit: 0,
      exit: [] as number[],
      privilegedSchemesBeforeReady: [] as unknown[],
    },
    app,
    protocol: Object.assign(new MockProtocol(), {
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        electron.calls.privilegedSchemesBeforeReady.push(...schemes),
    }),
    ipcMain: new MockIpcMain(),
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) =>
          permissionHandlers.push(handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) =>
          permissionHandlers.push(handler),
      },
    },
    permissionHandlers,
    BrowserWindow: { getAllWindows: () => [] },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t },
    Notification: { isSupported: () => false },
    dialog: { showMessageBoxSync: () => 0 },
    shell: { openExternal: async () => {} },
    screen: { getAllDisplays: () => [] },
    utilityProcess: {
      fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
        const child = new MockUtilityProcess(modulePath, args, options);
        utilityProcesses.push(child);
        return child;
      },
    },
    utilityProcesses,
  };
  return electron;
}
