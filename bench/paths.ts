import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ sits directly below it). */
export const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Where result files are written. */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
