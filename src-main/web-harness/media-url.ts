import { mediaUrl } from '../core/library';

/** In the browser, images come from the harness's own /media/ path instead of hakobu-media://. */
export const harnessMediaUrl: typeof mediaUrl = (kind, location, relativePath) =>
  mediaUrl(kind, location, relativePath).replace(/^hakobu-media:\/\//, '/media/');
