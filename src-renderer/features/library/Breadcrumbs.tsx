import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { breadcrumbs } from './library-paths';

/** The folder trail from the location's root; every step but the last opens that folder. */
export function Breadcrumbs({
  locationName,
  path,
  onOpen,
}: {
  locationName: string;
  path: string;
  onOpen: (path: string) => void;
}) {
  const { t } = useTranslation();
  const crumbs = breadcrumbs(path);
  return (
    <nav className="breadcrumbs" aria-label={t('library.breadcrumbs')}>
      <ol>
        {crumbs.map((crumb, i) => {
          const label = crumb.label ?? locationName;
          const last = i === crumbs.length - 1;
          return (
            <li key={crumb.path}>
              {i > 0 && <Icon name="chevronRight" size={14} />}
              {last ? (
                <span aria-current="page" className="crumb crumb-current">
                  {label}
                </span>
              ) : (
                <button type="button" className="crumb" onClick={() => onOpen(crumb.path)}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
