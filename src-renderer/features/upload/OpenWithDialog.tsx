import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilesOffer, LocationView } from '../../../src-main/contract/views';
import { useLocale } from '../../app/settings-context';
import { CommandButton } from '../../components/CommandButton';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-action';
import { formatBytes } from '../../i18n/format';

/** Names listed in the dialog; the rest are counted. */
const LISTED = 8;

/**
 * "Upload 3 files to “photos”?": asks before uploading files opened with Hakobu (Send To, Open
 * With, the command line), with the same choice of writable location as a drop.
 */
export function OpenWithDialog({
  offer,
  locations,
  initial,
  onUpload,
  onDecline,
}: {
  offer: FilesOffer;
  /** Writable locations, in the library's order. */
  locations: readonly LocationView[];
  /** Where a drop would go now. */
  initial: LocationView | undefined;
  onUpload: (handles: string[], location: string) => Promise<void>;
  onDecline: (handles: string[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const selectId = useId();
  const [location, setLocation] = useState(initial?.name ?? locations[0]?.name ?? '');
  const handles = offer.files.map((file) => file.handle);
  const upload = useAction(() => onUpload(handles, location));
  const decline = useAction(() => onDecline(handles));
  const busy = upload.busy || decline.busy;
  const failure = upload.error ?? decline.error;
  const count = offer.files.length;
  const hasFolder = offer.files.some((file) => file.kind === 'folder');
  const title = location
    ? t(hasFolder ? 'openWith.titleItems' : 'openWith.title', { count, location })
    : t('openWith.titleNowhere', { count });

  return (
    <Dialog
      title={title}
      role="alertdialog"
      dismissOnBackdrop={false}
      onClose={() => void (busy ? undefined : decline.run())}
    >
      <ul className="open-with-files">
        {offer.files.slice(0, LISTED).map((file) => (
          <li key={file.handle}>
            <span className="open-with-name">{file.name}</span>
            <span className="muted">
              {file.kind === 'folder' ? t('openWith.folder') : formatBytes(file.size ?? 0, locale)}
            </span>
          </li>
        ))}
        {count > LISTED && (
          <li className="muted">{t('openWith.more', { count: count - LISTED })}</li>
        )}
      </ul>
      {offer.skipped > 0 && (
        <p className="muted">{t('openWith.skipped', { count: offer.skipped })}</p>
      )}
      {locations.length > 1 && (
        <div className="open-with-location">
          <label htmlFor={selectId}>{t('openWith.location')}</label>
          <select
            id={selectId}
            className="select"
            value={location}
            disabled={busy}
            onChange={(event) => setLocation(event.target.value)}
          >
            {locations.map((choice) => (
              <option key={choice.name} value={choice.name}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {!location && <p className="muted">{t('upload.noWritableLocation')}</p>}
      {failure && <ErrorAlert error={failure} />}
      <div className="dialog-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decline.run()}>
          {t('common.cancel')}
        </button>
        <CommandButton
          icon="upload"
          label={t('openWith.upload')}
          tone="primary"
          disabled={busy || !location}
          onClick={() => void upload.run()}
        />
      </div>
    </Dialog>
  );
}
