import { useTranslation } from 'react-i18next';
import type { LibraryObjectView, LocationView } from '../../../src-main/contract/views';
import { useLocale } from '../../app/settings-context';
import { CommandButton } from '../../components/CommandButton';
import { Icon } from '../../components/Icon';
import { formatBytes, formatDateTime } from '../../i18n/format';
import type { GridItem } from './grid-items';
import { relativeKey, s3Address } from './library-paths';

/**
 * Facts about where files really live (the bucket and the user's own prefix, which is the Identity
 * Pool identity ID, not the user's sub) and about the selected item.
 */
export function DetailsPanel({
  location,
  path,
  item,
  onDownload,
  onDelete,
}: {
  location: LocationView;
  path: string;
  item: GridItem | undefined;
  onDownload: (object: LibraryObjectView) => void;
  onDelete?: (object: LibraryObjectView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const object = item?.kind === 'object' ? item.object : undefined;
  return (
    <aside className="details" aria-label={t('library.details')}>
      <section>
        <h2 className="details-heading">{t('library.thisFolder')}</h2>
        <dl className="details-list">
          <dt>{t('library.location')}</dt>
          <dd>
            {location.name}{' '}
            {location.access === 'readwrite' ? (
              <span className="badge badge-success">{t('library.readwrite')}</span>
            ) : (
              <span className="badge">
                <Icon name="lock" size={12} />
                {t('library.readonly')}
              </span>
            )}
          </dd>
          <dt>{t('library.storedAt')}</dt>
          <dd className="mono">{s3Address(location.bucket, location.prefix, path)}</dd>
        </dl>
        <p className="details-hint">{t('library.prefixExplained')}</p>
      </section>
      {item && (
        <section>
          <h2 className="details-heading">{t('library.selected')}</h2>
          <dl className="details-list">
            <dt>{t('library.name')}</dt>
            <dd className="details-name">
              {item.kind === 'folder' ? item.name : item.object.name}
            </dd>
            {object && (
              <>
                <dt>{t('library.size')}</dt>
                <dd>{formatBytes(object.size, locale)}</dd>
                <dt>{t('library.modified')}</dt>
                <dd>{formatDateTime(object.lastModified, locale)}</dd>
                <dt>{t('library.key')}</dt>
                <dd className="mono">
                  {location.prefix + relativeKey(object.key, location.prefix)}
                </dd>
              </>
            )}
          </dl>
          {object && (
            <div className="details-actions">
              <CommandButton
                icon="download"
                label={t('library.download')}
                onClick={() => onDownload(object)}
              />
              {onDelete && (
                <CommandButton
                  icon="trash"
                  label={t('library.delete')}
                  onClick={() => onDelete(object)}
                />
              )}
            </div>
          )}
        </section>
      )}
    </aside>
  );
}
