import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { useSettings } from '../../app/settings-context';
import { useToast } from '../../components/Toasts';
import { errorText, toUserError } from '../../i18n/errors';
import { useBrowse } from '../library/browse-context';
import { uploadTarget } from '../library/upload-target';
import { useTransfers } from '../transfers/transfers-context';
import { captureDrop, collectDroppedFiles } from './collect-drop';
import { DropOverlay } from './DropOverlay';
import { OpenWithPrompt } from './OpenWithPrompt';
import './upload.css';
import { chunked } from './chunked';

/** The most handles one 'transfers.enqueue' request takes (the contract's limit). */
const ENQUEUE_LIMIT = 10_000;

interface UploadState {
  /** Where uploads go now; undefined when no location is writable. */
  target: LocationView | undefined;
  /** Files are being handed to main (staging can take a while in the web harness). */
  busy: boolean;
  pickFiles: () => void;
  pickFolder: () => void;
}

const UploadContext = createContext<UploadState | null>(null);

/** Turns drops anywhere in the window, and picked files or folders, into queued uploads. */
export function UploadProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const notify = useToast();
  const { appInfo } = useSettings();
  const { locations, location } = useBrowse();
  const { apply } = useTransfers();
  const target = uploadTarget(locations, location);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  // Files become handles first (the preload or the harness asks main), then one queued batch.
  const enqueue = useCallback(
    async (handlesOf: () => Promise<string[]>) => {
      if (!target) {
        notify('error', t('upload.noWritableLocation'));
        return;
      }
      setBusy(true);
      try {
        const handles = await handlesOf();
        if (handles.length === 0) return;
        let skippedLinks = 0;
        for (const chunk of chunked(handles, ENQUEUE_LIMIT)) {
          const result = await api.invoke('transfers.enqueue', {
            handles: chunk,
            location: target.name,
          });
          apply(result.snapshot);
          skippedLinks += result.skippedLinks;
        }
        notify('info', t('upload.queued', { count: handles.length, location: target.name }));
        if (skippedLinks > 0) notify('info', t('upload.linksSkipped', { count: skippedLinks }));
      } catch (error) {
        notify('error', errorText(i18n, toUserError(error)));
      } finally {
        setBusy(false);
      }
    },
    [api, apply, i18n, notify, t, target],
  );
  const upload = useCallback(
    (files: readonly File[]) =>
      files.length === 0 ? Promise.resolve() : enqueue(() => api.fileHandles(files)),
    [api, enqueue],
  );

  const electron = (appInfo?.shell ?? (window.hakobu ? 'electron' : 'web')) === 'electron';
  // In Electron main shows its native dialog and answers with handles; the browser needs inputs.
  const choose = (kind: 'files' | 'folder') => {
    if (!electron) return (kind === 'files' ? fileInput : folderInput).current?.click();
    void enqueue(async () =>
      (await api.invoke('files.choose', { kind })).map((chosen) => chosen.handle),
    );
  };
  const onDrop = useCallback(
    (data: DataTransfer) => {
      // Electron's preload resolves a dropped folder to its path, so the top-level items suffice.
      if (electron) {
        void upload([...data.files]);
        return;
      }
      const dropped = captureDrop(data.items);
      void collectDroppedFiles(dropped).then(({ files, unreadable }) => {
        if (unreadable.length > 0) {
          notify(
            'error',
            t('upload.unreadable', { count: unreadable.length, name: unreadable[0] }),
          );
        }
        return upload(files);
      });
    },
    [electron, notify, t, upload],
  );

  const fromInput = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void upload(files);
  };

  const value: UploadState = {
    target,
    busy,
    pickFiles: () => choose('files'),
    pickFolder: () => choose('folder'),
  };
  return (
    <UploadContext value={value}>
      {children}
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => fromInput(event.currentTarget)}
      />
      <input
        ref={(input) => {
          folderInput.current = input;
          // Not in React's attribute types; every Chromium-based shell supports it.
          if (input) input.webkitdirectory = true;
        }}
        type="file"
        hidden
        tabIndex={-1}
        onChange={(event) => fromInput(event.currentTarget)}
      />
      <DropOverlay target={target} onDrop={onDrop} />
      <OpenWithPrompt target={target} />
    </UploadContext>
  );
}

/** Upload state and the pickers, for buttons and menu commands. */
export function useUpload(): UploadState {
  const state = useContext(UploadContext);
  if (!state) throw new Error('useUpload outside UploadProvider');
  return state;
}
