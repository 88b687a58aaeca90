import { useTranslation } from 'react-i18next';
import { CommandButton } from '../../components/CommandButton';
import { Spinner } from '../../components/Spinner';
import { useUpload } from './upload-context';

/** The keyboard-friendly alternative to dropping: pick files, or a whole folder. */
export function UploadButtons() {
  const { t } = useTranslation();
  const { target, busy, pickFiles, pickFolder } = useUpload();
  return (
    <div className="upload-buttons">
      {busy && <Spinner label={t('upload.preparing')} />}
      <CommandButton
        icon="upload"
        label={t('upload.pickFiles')}
        tone="primary"
        disabled={!target}
        onClick={pickFiles}
      />
      <CommandButton
        icon="folder"
        label={t('upload.pickFolder')}
        disabled={!target}
        onClick={pickFolder}
      />
    </div>
  );
}
