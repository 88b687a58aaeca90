import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilesOffer, LocationView } from '../../../src-main/contract/views';
import { useApi, useHakobuEvent } from '../../app/api-context';
import { useToast } from '../../components/Toasts';
import { useBrowse } from '../library/browse-context';
import { useTransfers } from '../transfers/transfers-context';
import { OpenWithDialog } from './OpenWithDialog';

/**
 * Asks about files opened with Hakobu. They wait in main, so files opened before sign-in (or
 * while the window reloaded) are asked about as soon as this mounts, after sign-in.
 */
export function OpenWithPrompt({ target }: { target: LocationView | undefined }) {
  const api = useApi();
  const { t } = useTranslation();
  const notify = useToast();
  const { apply } = useTransfers();
  const { locations } = useBrowse();
  const [offer, setOffer] = useState<FilesOffer | null>(null);

  useHakobuEvent('files.offered', setOffer);
  useEffect(() => {
    let current = true;
    void api.invoke('files.offers').then(
      (waiting) => current && setOffer((seen) => seen ?? waiting),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [api]);

  // Only skipped items (say, a file that was moved away): say so once, then let main forget them.
  useEffect(() => {
    if (!offer || offer.files.length > 0 || offer.skipped === 0) return;
    notify('error', t('openWith.skipped', { count: offer.skipped }));
    void api.invoke('files.closeOffer', { handles: [] }).then(setOffer, () => {});
  }, [api, notify, offer, t]);

  // The dialog needs the locations: the library asks for them as it opens.
  if (!offer || offer.files.length === 0 || locations === null) return null;
  const writable = locations.filter((location) => location.access === 'readwrite');
  return (
    <OpenWithDialog
      offer={offer}
      locations={writable}
      initial={target}
      onUpload={async (handles, location) => {
        const result = await api.invoke('transfers.enqueue', { handles, location });
        apply(result.snapshot);
        notify('info', t('upload.queued', { count: handles.length, location }));
        if (result.skippedLinks > 0) {
          notify('info', t('upload.linksSkipped', { count: result.skippedLinks }));
        }
        setOffer(await api.invoke('files.closeOffer', { handles }));
      }}
      onDecline={async (handles) => setOffer(await api.invoke('files.closeOffer', { handles }))}
    />
  );
}
