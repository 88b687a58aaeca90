import type { Command } from './command';
import { cancelCommand } from './cancel';
import { configCommand } from './config';
import { doctorCommand } from './doctor';
import { downloadCommand } from './download';
import { loginCommand } from './login';
import { logoutCommand } from './logout';
import { lsCommand } from './ls';
import { resumeCommand } from './resume';
import { uploadCommand } from './upload';
import { whoamiCommand } from './whoami';

/** Every `hakobu` command, in the order `hakobu --help` lists them. */
export const COMMANDS: readonly Command[] = [
  loginCommand,
  logoutCommand,
  whoamiCommand,
  uploadCommand,
  resumeCommand,
  cancelCommand,
  lsCommand,
  downloadCommand,
  doctorCommand,
  configCommand,
];

/** The command called `name`, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
