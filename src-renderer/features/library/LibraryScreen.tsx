import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useBrowse } from './browse-context';
import { FolderView } from './FolderView';
import { LocationsSidebar } from './LocationsSidebar';
import './library.css';

/** The library: locations on the left, the current folder's thumbnails in the middle. */
export function LibraryScreen() {
  const { t } = useTranslation();
  const { locations, error, location, path, open, reload } = useBrowse();

  if (error) {
    return (
      <div className="screen-message">
        <ErrorAlert error={error} />
        <button type="button" className="button" onClick={reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!locations) {
    return (
      <div className="screen-message">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (!location) {
    return (
      <div className="screen-message empty">
        <Icon name="cloud" size={40} />
        <p>{t('library.noLocations')}</p>
      </div>
    );
  }
  return (
    <div className="library">
      <LocationsSidebar locations={locations} current={location} onOpen={(name) => open(name)} />
      <FolderView
        key={`${location.name}\n${path}`}
        location={location}
        path={path}
        onOpenFolder={(folder) => open(location.name, folder)}
      />
    </div>
  );
}
