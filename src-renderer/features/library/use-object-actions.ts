import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryObjectView, LocationView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { useToast } from '../../components/Toasts';
import { errorText, toUserError } from '../../i18n/errors';
import type { ListingStore } from './listing-store';

/** Download and delete for the objects of one folder, reporting the outcome as toasts. */
export function useObjectActions(location: LocationView, store: ListingStore) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const notify = useToast();
  const [pendingDelete, setPendingDelete] = useState<LibraryObjectView | null>(null);
  const [deleting, setDeleting] = useState(false);

  const download = async (object: LibraryObjectView) => {
    try {
      const { savedTo } = await api.invoke('library.download', {
        location: location.name,
        key: object.key,
      });
      // null: the user closed the save dialog, which needs no message.
      if (savedTo) notify('info', t('library.downloaded', { name: object.name, path: savedTo }));
    } catch (error) {
      notify('error', errorText(i18n, toUserError(error)));
    }
  };

  const confirmDelete = async (): Promise<boolean> => {
    const object = pendingDelete;
    if (!object) return false;
    setDeleting(true);
    try {
      const result = await api.invoke('library.delete', {
        location: location.name,
        keys: [object.key],
      });
      store.remove(result.deleted);
      for (const failure of result.failed) {
        notify('error', t('library.deleteFailed', { name: object.name, reason: failure.message }));
      }
      if (result.deleted.length > 0) notify('info', t('library.deleted', { name: object.name }));
      return result.deleted.length > 0;
    } catch (error) {
      notify('error', errorText(i18n, toUserError(error)));
      return false;
    } finally {
      setDeleting(false);
      setPendingDelete(null);
    }
  };

  return {
    download,
    canDelete: location.access === 'readwrite',
    pendingDelete,
    requestDelete: setPendingDelete,
    cancelDelete: () => setPendingDelete(null),
    confirmDelete,
    deleting,
  };
}
