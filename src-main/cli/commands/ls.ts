import type { LibraryObjectView } from '../../contract/views';
import { formatBytes, formatDate } from '../io/format';
import { parseTarget } from '../library/target';
import { EXIT } from '../runtime/exit';
import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import type { Command } from './command';

/** `hakobu ls`: lists a folder of a location (every page). */
export const lsCommand: Command = {
  name: 'ls',
  summary: 'List a folder: hakobu ls [location:path]',
  help: `Usage: hakobu ls [location:path]

Lists the folders and files in a folder of a location, relative to your prefix.
  hakobu ls                    the first location's top folder
  hakobu ls photos:            the top folder of the location "photos"
  hakobu ls photos:2024/trip   a folder in it (a bare path uses the first location)

Options:
  --json              print { location, prefix, path, folders, objects } as JSON
${SIGN_IN_HELP}`,
  options: SIGN_IN_OPTIONS,
  maxPositionals: 1,
  async run(ctx, { values, positionals }) {
    const { services } = await openSignedIn(ctx, values);
    const target = parseTarget(positionals[0], services.library.locations());
    const location = target.location;
    const path = target.path === '' || target.path.endsWith('/') ? target.path : `${target.path}/`;
    const folders: string[] = [];
    const objects: LibraryObjectView[] = [];
    let nextToken: string | undefined;
    do {
      const page = await services.library.list({
        location: location.name,
        path,
        ...(nextToken ? { nextToken } : {}),
      });
      folders.push(...page.folders);
      objects.push(...page.objects);
      nextToken = page.nextToken;
    } while (nextToken);

    ctx.out.line(`${location.name}:${path}  (s3://${location.bucket}/${location.prefix}${path})`);
    // Folders come as paths below the prefix (what `ls` takes); people read the last name.
    for (const folder of folders) {
      const name = folder.startsWith(path) ? folder.slice(path.length) : folder;
      ctx.out.line(`  ${''.padStart(10)}  ${''.padEnd(16)}  ${name}`);
    }
    for (const object of objects) {
      ctx.out.line(
        `  ${formatBytes(object.size).padStart(10)}  ${formatDate(object.lastModified)}  ${object.name}`,
      );
    }
    if (folders.length + objects.length === 0) ctx.out.line('  (empty)');
    ctx.out.document({
      ok: true,
      location: location.name,
      prefix: location.prefix,
      path,
      folders,
      objects: objects.map(({ key, name, size, lastModified }) => ({
        key,
        name,
        size,
        lastModified,
      })),
    });
    return EXIT.ok;
  },
};
