import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { thumbnailSlots } from './thumbnail-slots';
import { watchVisibility } from './visibility';

type LoadState = 'waiting' | 'loading' | 'loaded' | 'failed';

/**
 * A tile's thumbnail over a placeholder; a broken one falls back to an icon. It asks for its
 * image only while in view and a load slot is free, so a fast scroll requests nothing for the
 * tiles it passes; a tile that leaves the DOM drops its src, which cancels a request under way.
 */
export function Thumbnail({ src, alt }: { src: string; alt: string }) {
  const [state, setState] = useState<LoadState>('waiting');
  const image = useRef<HTMLImageElement>(null);
  const release = useRef<(() => void) | null>(null);
  const started = useRef(false);

  useEffect(() => {
    const element = image.current;
    if (!element) return undefined;
    const leave = () => {
      release.current?.();
      release.current = null;
    };
    const unwatch = watchVisibility(element, (visible) => {
      if (visible && !release.current) {
        release.current = thumbnailSlots.request(() => {
          started.current = true;
          setState('loading');
        });
      } else if (!visible && !started.current) {
        // Scrolled away before its turn came: give the place to a tile still in view.
        leave();
      }
    });
    return () => {
      unwatch();
      leave();
      // With no src left, Chromium cancels the request (queued or in flight) and main stops
      // drawing a thumbnail nobody will see.
      element.removeAttribute('src');
    };
  }, []);

  const settled = (next: 'loaded' | 'failed') => {
    release.current?.();
    release.current = null;
    setState(next);
  };

  if (state === 'failed') {
    return (
      <span className="tile-glyph" role="img" aria-label={alt}>
        <Icon name="image" size={40} />
      </span>
    );
  }
  return (
    <img
      ref={image}
      className={`tile-image${state === 'loaded' ? ' is-loaded' : ''}`}
      src={state === 'waiting' ? undefined : src}
      alt={alt}
      decoding="async"
      draggable={false}
      onLoad={() => settled('loaded')}
      onError={() => settled('failed')}
    />
  );
}
