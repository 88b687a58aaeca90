// One IntersectionObserver for every tile: which thumbnails are in the window right now.

type VisibilityListener = (visible: boolean) => void;
const listeners = new WeakMap<Element, VisibilityListener>();
let observer: IntersectionObserver | undefined;

/**
 * Tells `listener` when `element` enters or leaves the window (clipped by the grid's scroller).
 * One observer serves every tile. Returns the function that stops watching.
 */
export function watchVisibility(element: Element, listener: VisibilityListener): () => void {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}
