import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useUpload } from './upload-context';

/** The keyboard-friendly alternative to dropping: pick files, or a whole folder. */
export function UploadButtons() {
  const { t } = useTranslation();
  const { target, busy, pickFiles, pickFolder } = useUpload();
  return (
    <div className="upload-buttons">
      {busy && <Spinner label={t('upload.preparing')} />}
      <button
        type="button"
        className="button button-primary"
        disabled={!target}
        onClick={pickFiles}
      >
        <Icon name="upload" />
        {t('upload.pickFiles')}
      </button>
      <button type="button" className="button" disabled={!target} onClick={pickFolder}>
        <Icon name="folder" />
        {t('upload.pickFolder')}
      </button>
    </div>
  );
}
