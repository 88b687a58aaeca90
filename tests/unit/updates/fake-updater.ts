import type { Updater, UpdaterEvents, UpdaterSettings } from '../../../src-main/core/updates';

/** An Updater that records what the service asked of it; the test plays the feed's answers. */
export class FakeUpdater implements Updater {
  settings: UpdaterSettings | undefined;
  checks = 0;
  /** What the next checkForUpdates does: resolve, or reject with this error. */
  nextCheck: Error | undefined;
  private pending: (() => void)[] = [];
  /** When true, checks stay in flight until release() is called. */
  holdChecks = false;
  private readonly listeners = new Map<string, unknown[]>();

  configure(settings: UpdaterSettings): void {
    this.settings = settings;
  }

  checkForUpdates(): Promise<void> {
    this.checks += 1;
    const failure = this.nextCheck;
    this.nextCheck = undefined;
    if (failure) return Promise.reject(failure);
    if (!this.holdChecks) return Promise.resolve();
    return new Promise((resolve) => this.pending.push(resolve));
  }

  /** Ends every check still in flight. */
  release(): void {
    for (const resolve of this.pending.splice(0)) resolve();
  }

  on<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  emit<E extends keyof UpdaterEvents>(event: E, ...args: Parameters<UpdaterEvents[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: Parameters<UpdaterEvents[E]>) => void)(...args);
    }
  }
}
