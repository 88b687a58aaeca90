// What the installers register so a user can hand files and hakobu:// links to Hakobu: the URL
// scheme, Linux's desktop entry (built here by electron-builder's own code), macOS's document
// types, and the NSIS include that adds and removes Windows's "Send to" shortcut.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
interface BuilderConfig {
  protocols?: { name: string; schemes: string[] }[];
  mac?: { extendInfo?: { CFBundleDocumentTypes?: Record<string, unknown>[] } };
  linux?: Record<string, unknown>;
  nsis?: { include?: string; perMachine?: boolean };
  fileAssociations?: unknown;
}
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

// electron-builder's code that writes the .desktop file for the deb target.
type DesktopEntry = (options: Record<string, unknown>) => Promise<string>;
function desktopEntry(): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
    LinuxTargetHelper: new (packager: unknown) => { computeDesktopEntry: DesktopEntry };
  };
  const helper = new LinuxTargetHelper({
    appInfo: { productName: 'Hakobu', sanitizedProductName: 'Hakobu', description: 'Uploader' },
    info: { metadata: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown },
    executableName: 'hakobu',
    config: builder,
    platformSpecificBuildOptions: builder.linux,
    fileAssociations: [],
  });
  return helper.computeDesktopEntry(builder.linux ?? {});
}

describe('registration with the operating system', () => {
  it('claims the hakobu:// scheme', () => {
    expect(builder.protocols?.flatMap((protocol) => protocol.schemes)).toContain('hakobu');
  });

  it('claims no file extension (which on Windows would take files from their own apps)', () => {
    expect(builder.fileAssociations).toBeUndefined();
  });

  it('gives Linux a desktop entry that opens any file and hakobu:// links, with a list Exec code', async () => {
    const entry = await desktopEntry();
    const mimeTypes = /^MimeType=(.*)$/m.exec(entry)?.[1]?.split(';').filter(Boolean) ?? [];
    expect(mimeTypes).toEqual(
      expect.arrayContaining(['application/octet-stream', 'x-scheme-handler/hakobu']),
    );
    // The spec has no globbing in MimeType, and folders stay with the file manager.
    expect(mimeTypes.filter((type) => type.includes('*') || type === 'inode/directory')).toEqual(
      [],
    );
    // %U: several files (as paths or file:// URLs) or a hakobu:// link; %F could not carry a link.
    expect(/^Exec=.*\s%U$/m.test(entry)).toBe(true);
  });

  it('lists Hakobu in macOS "Open With" for any item, never as the default app', () => {
    expect(builder.mac?.extendInfo?.CFBundleDocumentTypes).toEqual([
      expect.objectContaining({ LSHandlerRank: 'Alternate', LSItemContentTypes: ['public.item'] }),
    ]);
  });

  it('adds "Upload with Hakobu" to Windows "Send to" on install and removes it on uninstall', () => {
    const include = builder.nsis?.include;
    if (!include) throw new Error('electron-builder.yml has no nsis.include');
    const script = readFileSync(join(root, include), 'utf8');
    const macro = (name: string) =>
      new RegExp(`^!macro ${name}\\b[^\\n]*\\n([\\s\\S]*?)^!macroend`, 'm').exec(script)?.[1] ?? '';
    const link = /^!define HAKOBU_SEND_TO_LINK "(.+)"$/m.exec(script)?.[1];
    expect(link).toBe('Upload with Hakobu.lnk');
    const created = macro('hakobuCreateSendTo');
    expect(created).toMatch(/CreateShortCut "\$\{FOLDER\}\\\$\{HAKOBU_SEND_TO_LINK\}"/);
    expect(created).toContain('"$INSTDIR\\${APP_EXECUTABLE_FILENAME}" "--"');
    const install = macro('customInstall');
    expect(install).toContain('!insertmacro hakobuCreateSendTo "$SENDTO"');
    expect(install).toContain('!insertmacro hakobuCreateSendTo "$R9"');
    const uninstall = macro('customUnInstall');
    expect(uninstall).toContain('Delete "$SENDTO\\${HAKOBU_SEND_TO_LINK}"');
    expect(uninstall).toContain('Delete "$R9\\${HAKOBU_SEND_TO_LINK}"');
  });
});
