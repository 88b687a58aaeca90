import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { CommandButton } from '../../components/CommandButton';

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
        <CommandButton
          icon="trash"
          label={t('library.deleteConfirm')}
          tone="danger"
          disabled={busy}
          onClick={onConfirm}
        />
      </div>
    </Dialog>
  );
}
