import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { plural } from '../io/format';
import { openSignedIn, SIGN_IN_HELP, SIGN_IN_OPTIONS } from '../session/require-session';
import { failure, UsageError } from '../runtime/exit';
import { runTransfers } from '../transfers/run-transfers';
import { choiceOption, flag, stringOption, type Command } from './command';

/** A mistyped path fails the command before anything is queued (a missing file is not a partial upload). */
async function refuseMissing(paths: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const path of paths) {
    // lstat: a dangling or looping symbolic link exists, and the upload reports it as such.
    await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') missing.push(path);
    });
  }
  if (missing.length > 0) {
    throw failure(
      'cli.pathNotFound',
      `Nothing was uploaded: ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist.`,
      { paths: missing.join('\n') },
    );
  }
}

/** The one note for links that lead out of a dropped folder: how many, and which. */
function skippedLinksNote(links: readonly string[]): string {
  const shown = links.slice(0, 5).join(', ');
  const more = links.length > 5 ? `, and ${links.length - 5} more` : '';
  return `${plural(links.length, 'link')} outside the folder ${links.length === 1 ? 'was' : 'were'} skipped (${shown}${more}): Hakobu uploads only what is inside a folder you add.`;
}

const POLICIES = ['overwrite', 'skip', 'rename'] as const;

/** `hakobu upload`: queues files and folders and waits until they are all up. */
export const uploadCommand: Command = {
  name: 'upload',
  summary: 'Upload files and folders (resumable; Ctrl-C pauses)',
  help: `Usage: hakobu upload <path>... [--location NAME] [--folder PATH] [--on-conflict POLICY]

Uploads files and folders (recursively) under your prefix and waits until they are done.
Every file is journaled first: after Ctrl-C, a crash or a lost session, \`hakobu resume\`
continues from the parts already sent. Earlier unfinished uploads are resumed along the way.

Options:
  --location NAME        a configured location (default: the first writable one)
  --folder PATH          a folder below your prefix, e.g. 2024/trip
  --on-conflict POLICY   overwrite | skip | rename, when a name already exists.
                         Default: the transfers.conflictPolicy setting. With "ask", a terminal
                         asks per file; without a terminal those files are skipped, with a note.
  --json                 print one JSON summary at the end
  --json-progress        print JSON lines: progress (about once a second), each finished
                         file, and a summary line last
  --verbose              a line per file as it starts and finishes, and the log on stderr
${SIGN_IN_HELP}

Ctrl-C pauses cleanly (run \`hakobu resume\` to continue; \`hakobu cancel\` to drop them).
Exit status: 0 when every file is up (or skipped), 1 when one failed or was paused.`,
  options: {
    ...SIGN_IN_OPTIONS,
    location: { type: 'string' },
    folder: { type: 'string' },
    'on-conflict': { type: 'string' },
    'json-progress': { type: 'boolean' },
  },
  maxPositionals: Infinity,
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0)
      throw new UsageError('Name at least one file or folder.', 'upload');
    const policy = choiceOption(values, 'on-conflict', POLICIES, 'upload');
    const location = stringOption(values, 'location');
    const folder = stringOption(values, 'folder');
    const paths = positionals.map((path) => resolve(ctx.cwd, path));
    await refuseMissing(paths);
    const { app, services } = await openSignedIn(ctx, values);
    const transfers = services.transfers;
    if (policy) transfers.updateSettings({ conflictPolicy: policy });
    const earlier = transfers
      .snapshot()
      .items.filter((i) => i.state === 'queued' || i.state === 'uploading').length;
    if (earlier > 0) ctx.out.note(`Also resuming ${plural(earlier, 'earlier upload')}.`);
    return runTransfers(ctx, {
      app,
      services,
      jsonProgress: flag(values, 'json-progress'),
      begin: async (note) => {
        const { skippedLinks } = await transfers.enqueue(paths, {
          ...(location ? { location } : {}),
          ...(folder ? { folder } : {}),
        });
        if (skippedLinks.length > 0) note(skippedLinksNote(skippedLinks));
      },
    });
  },
};
