/**
 * Ctrl-C (or SIGTERM) while uploads run: the first one pauses cleanly — in-flight parts are
 * abandoned, finished parts stay journaled — and the second one quits at once (the journal is
 * written atomically, so even that loses nothing but the parts in flight).
 */
export class InterruptGuard {
  private pausing: Promise<unknown> | undefined;
  private readonly handler = () => this.request();

  constructor(
    private readonly pause: () => Promise<unknown>,
    private readonly say: (text: string) => void,
  ) {}

  /** True once the user asked to stop. */
  get requested(): boolean {
    return this.pausing !== undefined;
  }

  /** Resolves when the pause asked for has finished. */
  async settled(): Promise<void> {
    await this.pausing;
  }

  /** Starts listening for SIGINT and SIGTERM; returns the function that stops listening. */
  install(): () => void {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
    return () => {
      process.off('SIGINT', this.handler);
      process.off('SIGTERM', this.handler);
    };
  }

  /** Pauses everything (also called when Ctrl-C reaches a prompt instead of the process). */
  request(): void {
    if (this.pausing) {
      this.say('Stopped. Run `hakobu resume` to continue.');
      process.exit(1);
    }
    this.say('Pausing uploads… (press Ctrl-C again to quit at once)');
    this.pausing = this.pause();
  }
}
