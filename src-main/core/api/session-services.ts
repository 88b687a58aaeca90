import { join } from 'node:path';
import type { AuthSession } from '../auth';
import { UserFacingError } from './dispatch';
import type { HakobuConfig } from '../config';
import {
  createIdentityCredentials,
  fileIdentityIdStore,
  type IdentityCredentials,
} from '../credentials';
import { createLibrary, type Library, type ThumbnailRenderer } from '../library';
import type { MediaUrlBuilder } from '../library/types';
import type { Logger } from '../log/logger';
import { TransferEngine } from '../transfers/engine';

/** Everything that exists only while a user is signed in: credentials, library, uploads. */
export interface SessionServices {
  username: string;
  identityId: string;
  credentials: IdentityCredentials;
  library: Library;
  transfers: TransferEngine;
  dispose(): Promise<void>;
}

export interface SessionServicesOptions {
  config: HakobuConfig;
  auth: AuthSession;
  username: string;
  dirs: { userData: string; cache: string };
  mediaUrl?: MediaUrlBuilder;
  /** Where thumbnails are decoded; the library starts Node child processes unless given. */
  thumbnailRenderer?: ThumbnailRenderer;
  log: Logger;
}

// Identity IDs contain ':' (region:uuid), which Windows forbids in file names.
const folderFor = (identityId: string) => identityId.replace(/[^\w.-]/g, '_');

/**
 * Asks for credentials once at sign-in. An Identity Pool that hands out an identity but no
 * credentials (no authenticated role, a trust policy that refuses it) must show as such right
 * away, not later as a listing or an upload that failed for an unclear reason. Being offline is
 * no refusal: the services start, and credentials are fetched once the network is back.
 */
async function firstCredentials(credentials: IdentityCredentials): Promise<void> {
  try {
    await credentials.provider();
  } catch (error) {
    if (!(error instanceof UserFacingError && error.code === 'identity.networkUnreachable')) {
      throw error;
    }
  }
}

/**
 * Builds the signed-in services: the identity ID first (it names every key), then the library
 * and the upload engine, which restores whatever the journal kept from an earlier run.
 */
export async function createSessionServices(
  options: SessionServicesOptions,
): Promise<SessionServices> {
  const { config, auth, dirs, log } = options;
  const credentials = createIdentityCredentials({
    config,
    getIdToken: () => auth.getIdToken(),
    store: fileIdentityIdStore(dirs.userData),
    log,
  });
  let identityId: string;
  try {
    identityId = await credentials.identityId();
    await firstCredentials(credentials);
  } catch (error) {
    credentials.dispose();
    throw error;
  }
  const forceRefresh = () => credentials.forceRefresh();
  const library = createLibrary({
    config,
    identityId,
    credentials: credentials.provider,
    forceRefresh,
    logger: log,
    thumbnails: {
      cacheDir: join(dirs.cache, 'thumbnails'),
      ...(options.thumbnailRenderer ? { renderer: options.thumbnailRenderer } : {}),
    },
    ...(options.mediaUrl ? { mediaUrl: options.mediaUrl } : {}),
  });
  const transfers = new TransferEngine({
    config,
    identityId,
    credentials: credentials.provider,
    forceRefresh,
    journalDir: join(dirs.userData, 'transfers', folderFor(identityId)),
    logger: log,
  });
  await transfers.restore();
  return {
    username: options.username,
    identityId,
    credentials,
    library,
    transfers,
    dispose: async () => {
      await transfers.close();
      library.dispose();
      credentials.clear();
      credentials.dispose();
    },
  };
}
