import { parseLaunchArgs, type LaunchArgsOptions } from './launch-args';

/** Offers files and folders to the user (FileOffers.offer, once the app has started). */
export type OfferPaths = (paths: string[], skipped: number) => void;

export interface LaunchInboxOptions extends Omit<LaunchArgsOptions, 'cwd'> {
  /** Where hakobu: URLs go at once (the deep-link dispatcher buffers them itself). */
  openUrl: (url: string) => void;
}

/** Paths buffered before the app is ready; later ones are counted as skipped. */
const MAX_BUFFERED_PATHS = 10_000;

/**
 * Collects what the OS asks Hakobu to open — the first command line, a second instance's, macOS
 * open-file — and holds the files until the app can offer them: macOS sends open-file before
 * 'ready', and the command line is read before any service exists.
 */
export class LaunchInbox {
  private offerPaths: OfferPaths | undefined;
  private paths: string[] = [];
  private skipped = 0;

  constructor(private readonly options: LaunchInboxOptions) {}

  /** A whole command line (executable first), run in `cwd`. */
  commandLine(argv: readonly string[], cwd: string): void {
    const { paths, urls, skipped } = parseLaunchArgs(argv, { ...this.options, cwd });
    this.files(paths, skipped);
    for (const url of urls) this.options.openUrl(url);
  }

  /** Files or folders by absolute path (macOS open-file). */
  files(paths: readonly string[], skipped = 0): void {
    if (paths.length === 0 && skipped === 0) return;
    if (this.offerPaths) {
      this.offerPaths([...paths], skipped);
      return;
    }
    const room = Math.max(0, MAX_BUFFERED_PATHS - this.paths.length);
    this.paths.push(...paths.slice(0, room));
    this.skipped += skipped + Math.max(0, paths.length - room);
  }

  /** From now on files go straight to `offerPaths`, starting with those that waited. */
  attach(offerPaths: OfferPaths): void {
    this.offerPaths = offerPaths;
    const paths = this.paths;
    const skipped = this.skipped;
    this.paths = [];
    this.skipped = 0;
    this.files(paths, skipped);
  }
}
