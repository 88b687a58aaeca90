import { resolve } from 'node:path';
import { formatBytes } from '../io/format';
import { parseTarget } from '../library/target';
import { barCells } from '../progress/bar';
import { EXIT, UsageError } from '../runtime/exit';
import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import { stringOption, type Command } from './command';

/** `hakobu download`: saves one object into a folder, never replacing an existing file. */
export const downloadCommand: Command = {
  name: 'download',
  summary: 'Download a file: hakobu download location:path [--to DIR]',
  help: `Usage: hakobu download <location:path> [--to DIR]

Saves one file into DIR (default: the current folder). An existing file is never replaced:
the new one is saved as "name (1).ext". The path is relative to your prefix, as \`hakobu ls\`
shows it.

Options:
  --to DIR            where to save
  --json              print { savedTo } as JSON
${SIGN_IN_HELP}`,
  options: { ...SIGN_IN_OPTIONS, to: { type: 'string' } },
  maxPositionals: 1,
  async run(ctx, { values, positionals }) {
    const spec = positionals[0];
    if (!spec)
      throw new UsageError('Name the file to download, e.g. photos:2024/a.jpg.', 'download');
    const directory = resolve(ctx.cwd, stringOption(values, 'to') ?? '.');
    const { services } = await openSignedIn(ctx, values);
    const { location, path } = parseTarget(spec, services.library.locations());
    if (path === '' || path.endsWith('/')) {
      throw new UsageError(`${spec} is a folder; name a file in it.`, 'download');
    }
    const showBar = ctx.out.interactiveErr && !ctx.out.json;
    let drawn = 0;
    const savedTo = await services.library.download({
      location: location.name,
      key: `${location.prefix}${path}`,
      directory,
      onProgress: (received, total) => {
        if (!showBar || (Date.now() - drawn < 100 && received !== total)) return;
        drawn = Date.now();
        const bar = total ? `${barCells(received / total, 30)} ` : '';
        ctx.out.stderr.write(
          `\r\x1b[2K${bar}${formatBytes(received)}${total ? ` / ${formatBytes(total)}` : ''}`,
        );
      },
    });
    if (showBar) ctx.out.stderr.write('\r\x1b[2K');
    ctx.out.line(`Saved ${location.name}:${path} to ${savedTo}`);
    ctx.out.document({
      ok: true,
      location: location.name,
      key: `${location.prefix}${path}`,
      savedTo,
    });
    return EXIT.ok;
  },
};
