import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryObjectView } from '../../../src-main/contract/views';
import { useLocale } from '../../app/settings-context';
import { Dialog } from '../../components/Dialog';
import { CommandButton } from '../../components/CommandButton';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { formatBytes, formatCount } from '../../i18n/format';

interface LightboxProps {
  images: readonly LibraryObjectView[];
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  onDownload: (object: LibraryObjectView) => void;
  /** Absent for read-only locations. */
  onDelete?: (object: LibraryObjectView) => void;
}

/** A full-window image viewer: ← and → move between the folder's images, Esc closes it. */
export function Lightbox({
  images,
  index,
  onIndexChange,
  onClose,
  onDownload,
  onDelete,
}: LightboxProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const image = images[index];
  if (!image) return null;
  const go = (step: number) => {
    const next = index + step;
    if (next >= 0 && next < images.length) onIndexChange(next);
  };

  return (
    <Dialog title={image.name} hideTitle onClose={onClose} className="lightbox">
      <div
        className="lightbox-body"
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') go(-1);
          else if (event.key === 'ArrowRight') go(1);
          else return;
          event.preventDefault();
        }}
      >
        <header className="lightbox-bar">
          <div className="lightbox-title">
            <span className="lightbox-name">{image.name}</span>
            <span className="muted">
              {t('library.imageCounter', {
                current: formatCount(index + 1, locale),
                total: formatCount(images.length, locale),
              })}
              {' · '}
              {formatBytes(image.size, locale)}
            </span>
          </div>
          <CommandButton
            icon="download"
            label={t('library.download')}
            tone="quiet"
            onClick={() => onDownload(image)}
          />
          {onDelete && (
            <CommandButton
              icon="trash"
              label={t('library.delete')}
              tone="quiet"
              onClick={() => onDelete(image)}
            />
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.close')}
            onClick={onClose}
            data-autofocus
          >
            <Icon name="close" size={20} />
          </button>
        </header>
        <div className="lightbox-stage">
          <button
            type="button"
            className="lightbox-nav lightbox-prev"
            aria-label={t('library.previousImage')}
            disabled={index === 0}
            onClick={() => go(-1)}
          >
            <Icon name="chevronLeft" size={28} />
          </button>
          <FullImage key={image.key} image={image} />
          <button
            type="button"
            className="lightbox-nav lightbox-next"
            aria-label={t('library.nextImage')}
            disabled={index === images.length - 1}
            onClick={() => go(1)}
          >
            <Icon name="chevronRight" size={28} />
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** The full image, with its thumbnail standing in (and a spinner) until it has loaded. */
function FullImage({ image }: { image: LibraryObjectView }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  return (
    <div className="lightbox-image">
      {!loaded && image.thumbnailUrl && (
        <img className="lightbox-preview" src={image.thumbnailUrl} alt="" aria-hidden="true" />
      )}
      <img
        className={loaded ? 'lightbox-full is-loaded' : 'lightbox-full'}
        src={image.imageUrl ?? image.thumbnailUrl}
        alt={image.name}
        onLoad={() => setLoaded(true)}
      />
      {!loaded && (
        <div className="lightbox-spinner">
          <Spinner label={t('common.loading')} />
        </div>
      )}
    </div>
  );
}
