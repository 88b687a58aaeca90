import { join } from 'node:path';
import {
  effectiveSettings,
  formatConfigProblem,
  loadConfig,
  userConfigDir,
  type ConfigProblem,
  type ConsideredSource,
  type EffectiveSetting,
  type LoadedConfig,
} from '../../core/config';
import { settingsView } from '../../core/api/views';
import { DEFAULT_PARALLEL_TRANSFERS, parallelTransfers } from '../../core/transfers/budget';
import type { Output } from '../io/output';
import { EXIT, UsageError } from '../runtime/exit';
import type { Command } from './command';

const PARALLEL = 'transfers.parallelTransfers';

/** A setting row; `variable` names the environment variable that decided it, if one did. */
type SettingRow = EffectiveSetting & { variable?: string };

/**
 * The parallel-transfers row as the engine runs it: HAKOBU_PARALLEL_TRANSFERS or an old
 * concurrency pair may decide the number instead of the key itself (the Settings screen's rule).
 */
function withEngineParallelTransfers(load: LoadedConfig, rows: EffectiveSetting[]): SettingRow[] {
  const view = settingsView({ ok: true, ...load });
  const decided = view.sources[PARALLEL];
  const configured = load.config.transfers.parallelTransfers ?? DEFAULT_PARALLEL_TRANSFERS;
  const byVariable = parallelTransfers({ parallelTransfers: configured }) !== configured;
  return rows.map((row) => {
    if (row.key !== PARALLEL || !decided) return row;
    const value = view.values.transfers.parallelTransfers;
    if (byVariable) {
      const variable = 'HAKOBU_PARALLEL_TRANSFERS';
      return { ...row, value, source: 'env', file: null, locked: false, variable };
    }
    const origin = [PARALLEL, 'transfers.concurrency', 'transfers.partConcurrency']
      .map((key) => load.origins[key])
      .find((o) => o?.source === decided.source && o.locked === decided.locked);
    return {
      ...row,
      value,
      source: decided.source,
      file: origin?.file ?? null,
      locked: decided.locked,
    };
  });
}

const shown = (value: unknown) => (value === null ? '(not set)' : JSON.stringify(value));

function printSources(out: Output, sources: readonly ConsideredSource[]): void {
  out.line('Configuration files, highest precedence first:');
  for (const source of sources) {
    out.line(`  ${source.kind.padEnd(8)}${source.path}${source.found ? '' : '  (not present)'}`);
  }
}

function printSettings(out: Output, rows: readonly SettingRow[]): void {
  const cells = rows.map((row) => [
    row.key,
    shown(row.value),
    row.variable ? `${row.source} (${row.variable})` : row.source,
    row.locked ? 'locked' : '-',
  ]);
  const header = ['KEY', 'VALUE', 'SOURCE', 'LOCKED'];
  // Long values (the locations list) run over their column rather than widen every row.
  const widths = header.map((title, column) =>
    Math.min(
      column === 1 ? 40 : 80,
      Math.max(title.length, ...cells.map((c) => c[column]?.length ?? 0)),
    ),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  out.line();
  out.line(line(header));
  for (const row of cells) out.line(line(row));
}

function printWarnings(out: Output, warnings: readonly ConfigProblem[]): void {
  if (!warnings.length) return;
  out.line();
  out.line('Warnings:');
  for (const warning of warnings) out.line(`  ${formatConfigProblem(warning)}`);
}

/** `hakobu config show`: the configuration in effect, key by key, with where each value came from. */
export const configCommand: Command = {
  name: 'config',
  summary: 'Show the configuration in effect and where each setting comes from',
  help: `Usage: hakobu config show [--json]

Prints every setting Hakobu runs with on this computer: its value, its source (managed: the file
IT deploys; user: your config.json; env: the file HAKOBU_CONFIG or --config names, or an
environment variable; default) and whether it is locked (only IT's managed file can change it).
Lists the files read and any warnings (such as a locked key a user file tries to set).

Options:
  --json   print { ok, sources, settings: [{ key, value, source, file, locked }], warnings }
           (on errors: { ok: false, error, sources, errors: [{ code, file, field, message, fix }] })
Exit status: 0 when the configuration loads, 1 when it has errors (they are listed).`,
  options: {},
  maxPositionals: 1,
  run(ctx, { positionals }) {
    const [action] = positionals;
    if (action !== 'show') {
      throw new UsageError(
        action
          ? `Unknown config action: ${action}. Use "show".`
          : 'Say what to do: hakobu config show.',
        'config',
      );
    }
    const load = loadConfig({
      userConfigPath: join(userConfigDir(ctx.env), 'config.json'),
      ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
      env: ctx.env,
    });
    printSources(ctx.out, load.sources);
    if (!load.ok) {
      printWarnings(ctx.out, load.warnings);
      const text = load.errors.map((problem) => formatConfigProblem(problem)).join('\n');
      const error = { code: 'config.invalid', message: text || 'Hakobu is not configured yet.' };
      ctx.out.note(`hakobu: ${error.message}`);
      // Fleet scripts get each problem with its file and field, besides the usual error.
      const { errors, warnings, sources } = load;
      ctx.out.document({ ok: false, error, sources, errors, warnings });
      return Promise.resolve(EXIT.failure);
    }
    const settings = withEngineParallelTransfers(load, effectiveSettings(load));
    printSettings(ctx.out, settings);
    printWarnings(ctx.out, load.warnings);
    ctx.out.document({ ok: true, sources: load.sources, settings, warnings: load.warnings });
    return Promise.resolve(EXIT.ok);
  },
};
