import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../src-main/contract/views';
import { Icon } from '../../components/Icon';

/** The configured locations (bucket + prefix pairs); one sign-in reaches all of them. */
export function LocationsSidebar({
  locations,
  current,
  onOpen,
}: {
  locations: readonly LocationView[];
  current: LocationView;
  onOpen: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('library.locations')}>
      <h2 className="sidebar-heading">{t('library.locations')}</h2>
      <ul className="sidebar-list">
        {locations.map((location) => (
          <li key={location.name}>
            <button
              type="button"
              className="sidebar-item"
              aria-current={location.name === current.name ? 'page' : undefined}
              onClick={() => onOpen(location.name)}
            >
              <Icon name="cloud" />
              <span className="sidebar-label">{location.name}</span>
              {location.access === 'read' && (
                <span className="sidebar-lock" title={t('library.readonly')}>
                  <Icon name="lock" size={14} />
                  <span className="visually-hidden">{t('library.readonly')}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
