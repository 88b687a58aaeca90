import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's 7-Zip binaries: `7zz` (package 7zip), then p7zip's `7z` and `7za`. */
const NAMES = ['7zz', '7z', '7za'];

/** The path of a 7-Zip on PATH for electron-builder's archives, or an error saying how to get one. */
export function sevenZip(path = process.env.PATH ?? ''): string {
  for (const name of NAMES) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error(
    'No 7-Zip on PATH (7zz, 7z or 7za): electron-builder needs one for tar.gz and would ' +
      "download its own. Install Debian's 7zip package: bash scripts/setup.sh",
  );
}
