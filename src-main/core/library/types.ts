import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';
import type { MediaKind } from './media-url';

/** The parts of the Hakobu configuration the library reads. */
export type LibraryConfig = Pick<HakobuConfig, 'region' | 'endpoints' | 'locations'>;

/** What every library operation needs from the signed-in session; no Electron, no UI. */
export interface LibraryOptions {
  config: LibraryConfig;
  /** The Identity Pool identity ID that `${identityId}` in a prefix stands for. */
  identityId: string;
  credentials: AwsCredentialIdentityProvider;
  /** Fetches new credentials now (after S3 answered ExpiredToken). */
  forceRefresh: () => Promise<void>;
  logger?: Logger;
}

/**
 * Builds the URL a renderer loads an object's image from: Electron uses mediaUrl()
 * (hakobu-media://), the web harness `/media/<kind>/<location>/<path>`.
 */
export type MediaUrlBuilder = (kind: MediaKind, location: string, relativePath: string) => string;
