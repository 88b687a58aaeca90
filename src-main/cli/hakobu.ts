// The `hakobu` command (dist/cli/hakobu.mjs; `npm run hakobu -- …` in development).
import { runCli } from './run';

const code = await runCli({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit explicitly: an idle keep-alive socket or a keychain handle must not hold the command open,
// but only once stdout has been flushed into a pipe.
process.stdout.write('', () => process.exit(code));
