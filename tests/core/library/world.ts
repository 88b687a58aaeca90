import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { DEMO_BUCKET } from '../../../local-aws/setup/default-setup';
import { createLibrary, type Library, type LibraryConfig } from '../../../src-main/core/library';
import type { MediaKind } from '../../../src-main/core/library/media-url';
import type { ThumbnailRenderer } from '../../../src-main/core/library/thumbnail-worker/renderer';
import { demoCredentials, type IdentityCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';

/** A running stand-in, the demo user's identity, and a library over it; what every test starts from. */
export interface LibraryWorld {
  la: TestLocalAws;
  identityId: string;
  config: LibraryConfig;
  library: Library;
  cacheDir: string;
  /** How often the library asked for fresh credentials. */
  refreshes(): number;
  /** Makes the stand-in consider the library's current credentials expired (S3: ExpiredToken). */
  expireLibraryCredentials(): void;
  /** Uploads through the stand-in's S3 with separate credentials; returns the full key. */
  put(relativeKey: string, body: Uint8Array | string, contentType?: string): Promise<string>;
  /** Uploads many small objects below the identity prefix, a few at a time. */
  putMany(relativeKeys: readonly string[]): Promise<void>;
  /** S3 requests of one operation the stand-in logged, optionally for one key only. */
  requests(action: string, key?: string): number;
  /** Opens a library over the same stand-in with other options. */
  reopen(options?: WorldOptions): LibraryWorld;
  dispose(): Promise<void>;
}

/** Library settings a test may change. */
export interface WorldOptions {
  maxCacheBytes?: number;
  maxInputPixels?: number;
  /** Where thumbnails are drawn; the library's own helper processes unless given. */
  renderer?: ThumbnailRenderer;
  mediaUrl?: (kind: MediaKind, location: string, relativePath: string) => string;
  locations?: LibraryConfig['locations'];
}

/** The locations most tests use: the user's own folder, a read-only view of it, and a team folder. */
export const testLocations = (): LibraryConfig['locations'] => [
  { name: 'photos', bucket: DEMO_BUCKET, prefix: '${identityId}/', access: 'readwrite' },
  { name: 'archive', bucket: DEMO_BUCKET, prefix: '${identityId}/archive/', access: 'read' },
  { name: 'team', bucket: DEMO_BUCKET, prefix: 'team/', access: 'read' },
];

interface RequestLine {
  service?: string;
  action?: string;
  key?: string;
}

/** Starts local-aws with the default setup and builds a library for the demo user. */
export async function startLibraryWorld(options: WorldOptions = {}): Promise<LibraryWorld> {
  const la = await startTestLocalAws();
  const seeding = await demoCredentials(la);
  let current: IdentityCredentials = await demoCredentials(la);
  let refreshCount = 0;
  const seed = new S3Client({
    region: la.info.region,
    endpoint: la.info.endpoint,
    forcePathStyle: true,
    credentials: seeding.credentials,
  });
  const cacheDir = mkdtempSync(join(tmpdir(), 'hakobu-thumbs-'));
  const identityId = seeding.identityId;

  const open = (opts: WorldOptions): LibraryWorld => {
    const config: LibraryConfig = {
      region: la.info.region,
      endpoints: { s3: la.info.endpoint },
      locations: opts.locations ?? testLocations(),
    };
    const library = createLibrary({
      config,
      identityId,
      credentials: async () => current.credentials,
      forceRefresh: async () => {
        refreshCount += 1;
        current = await demoCredentials(la);
      },
      thumbnails: {
        cacheDir,
        ...(opts.maxCacheBytes ? { maxCacheBytes: opts.maxCacheBytes } : {}),
        ...(opts.maxInputPixels ? { maxInputPixels: opts.maxInputPixels } : {}),
        ...(opts.renderer ? { renderer: opts.renderer } : {}),
      },
      ...(opts.mediaUrl ? { mediaUrl: opts.mediaUrl } : {}),
    });
    const put = async (relativeKey: string, body: Uint8Array | string, contentType?: string) => {
      const key = `${identityId}/${relativeKey}`;
      await seed.send(
        new PutObjectCommand({
          Bucket: DEMO_BUCKET,
          Key: key,
          // A Buffer, not a string: the SDK treats an empty string as a stream of unknown length.
          Body: typeof body === 'string' ? Buffer.from(body) : body,
          ...(contentType ? { ContentType: contentType } : {}),
        }),
      );
      return key;
    };
    return {
      la,
      identityId,
      config,
      library,
      cacheDir,
      refreshes: () => refreshCount,
      expireLibraryCredentials: () => {
        const issued = la.context.state.credentials[current.credentials.accessKeyId];
        if (!issued) throw new Error('the library credentials are unknown to the stand-in');
        issued.expiration = 0;
      },
      put,
      putMany: async (relativeKeys) => {
        const queue = [...relativeKeys];
        const worker = async () => {
          for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
            await put(next, 'x');
          }
        };
        await Promise.all(Array.from({ length: 16 }, worker));
      },
      requests: (action, key) =>
        readFileSync(join(la.dataDir, 'requests.log'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as RequestLine)
          .filter((r) => r.service === 's3' && r.action === action)
          .filter((r) => key === undefined || r.key === key).length,
      reopen: (next = {}) => open(next),
      dispose: async () => {
        library.dispose();
        seed.destroy();
        await la.dispose();
        rmSync(cacheDir, { recursive: true, force: true });
      },
    };
  };
  return open(options);
}

/** A JPEG whose pixels are `width` × `height`, tagged with an EXIF orientation. */
export function jpeg(width: number, height: number, orientation?: number): Promise<Buffer> {
  const image = sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } },
  }).jpeg();
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
}

/** A PNG of random noise (so it does not compress away), `width` × `height`. */
export function noisyPng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = Math.floor(Math.random() * 256);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A plain single-colour PNG, tiny on disk whatever its pixel count. */
export function flatPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
}
