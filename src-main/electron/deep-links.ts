// hakobu:// URLs the OS hands to Hakobu (argv on Windows and Linux, macOS open-url, a second
// instance) reach whoever subscribes here, such as a future sign-in waiting for
// hakobu://callback?…. Any program may open such a URL, so each is checked before delivery.
import { z } from 'zod';
import { HAKOBU_SCHEME } from '../core/open-files';

/** Longest URL accepted: a sign-in callback carries a code and a state, far below this. */
export const MAX_DEEP_LINK_LENGTH = 4_096;

/** URLs kept while nobody subscribes; older ones are dropped first. */
export const MAX_BUFFERED_DEEP_LINKS = 16;

const DeepLink = z
  .string()
  .max(MAX_DEEP_LINK_LENGTH)
  .transform((raw, ctx) => {
    if (URL.canParse(raw)) {
      const url = new URL(raw);
      if (url.protocol === HAKOBU_SCHEME) return url;
    }
    ctx.addIssue({ code: 'custom', message: 'not a hakobu: URL' });
    return z.NEVER;
  });

export type DeepLinkListener = (url: URL) => void;

/** One dispatcher: what arrives before the first subscriber waits for it. */
export interface DeepLinkDispatcher {
  /** Hands on a URL from outside; returns false (and drops it) unless it is a hakobu: URL. */
  deliver(raw: unknown): boolean;
  /** Listens for hakobu: URLs, first receiving those that waited; returns the unsubscribe. */
  subscribe(listener: DeepLinkListener): () => void;
}

/** A dispatcher of its own (the app uses the module's one; tests make fresh ones). */
export function createDeepLinkDispatcher(): DeepLinkDispatcher {
  const listeners = new Set<DeepLinkListener>();
  const waiting: URL[] = [];
  return {
    deliver(raw) {
      const parsed = DeepLink.safeParse(raw);
      if (!parsed.success) return false;
      if (listeners.size === 0) {
        waiting.push(parsed.data);
        if (waiting.length > MAX_BUFFERED_DEEP_LINKS) waiting.shift();
      } else {
        for (const listener of listeners) listener(new URL(parsed.data));
      }
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const url of waiting.splice(0)) listener(url);
      return () => void listeners.delete(listener);
    },
  };
}

const appDispatcher = createDeepLinkDispatcher();

/** Hands a URL the OS gave Hakobu to the app's subscribers (checked: hakobu: only, length-capped). */
export function deliverDeepLink(raw: unknown): boolean {
  return appDispatcher.deliver(raw);
}

/** Listens for hakobu:// URLs sent to the app, including those that arrived before this call. */
export function subscribeDeepLinks(listener: (url: URL) => void): () => void {
  return appDispatcher.subscribe(listener);
}
