import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../src-main/contract/views';
import { Icon } from '../../components/Icon';
import { s3Address } from '../library/library-paths';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Accepts files and folders dropped anywhere in the window, with a full-window overlay saying
 * where they will go. Drops are always captured, so a stray file never navigates the window.
 */
export function DropOverlay({
  target,
  onDrop,
}: {
  target: LocationView | undefined;
  onDrop: (data: DataTransfer) => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const handleDrop = useEffectEvent((data: DataTransfer) => {
    if (target) onDrop(data);
  });
  const canDrop = useEffectEvent(() => target !== undefined);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed, so count the depth.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = canDrop() ? 'copy' : 'none';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (event.dataTransfer) handleDrop(event.dataTransfer);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className={`drop-target${target ? '' : ' is-refused'}`}>
        <Icon name={target ? 'upload' : 'lock'} size={48} />
        {target ? (
          <>
            <p className="drop-title">{t('upload.dropTitle', { location: target.name })}</p>
            <p className="drop-where mono">{s3Address(target.bucket, target.prefix, '')}</p>
          </>
        ) : (
          <p className="drop-title">{t('upload.noWritableLocation')}</p>
        )}
      </div>
    </div>
  );
}
