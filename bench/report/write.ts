import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { RESULTS_DIR } from '../paths';
import { renderMarkdown } from './markdown';
import type { BenchResults } from './results';

// Written through Prettier with the project's settings, so committed results pass `prettier --check`.
async function writeFormatted(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}

/**
 * Writes bench/results/<date>-<sha>[-quick].json and bench/results/latest.md; returns both
 * paths. Quick runs are marked in the name so they never replace a full run's figures.
 */
export async function writeResults(
  results: BenchResults,
): Promise<{ json: string; markdown: string }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stem = `${results.startedAt.slice(0, 10)}-${results.git.sha}${results.mode === 'quick' ? '-quick' : ''}`;
  const json = join(RESULTS_DIR, `${stem}.json`);
  const markdown = join(RESULTS_DIR, 'latest.md');
  await writeFormatted(json, JSON.stringify(results));
  await writeFormatted(markdown, renderMarkdown(results));
  return { json, markdown };
}
