import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';

/** Asks before deleting: S3 has no trash, so the object is gone for good. */
export function DeleteDialog({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('library.deleteTitle', { name })} role="alertdialog" onClose={onCancel}>
      <p className="muted">{t('library.deleteBody')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          <Icon name="trash" />
          {t('library.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
