import { isIP } from 'node:net';
import type { LocalAwsContext } from '../../context';
import { noSuchAccessPoint } from '../errors';
import type { AccessPointState } from '../model';

/** An access point as a request's Host names it. */
export interface AccessPointAddress {
  name: string;
  accountId: string;
}

// S3 serves an access point only by host name, `<name>-<account>.s3-accesspoint.<region>…`; the
// SDK given a custom endpoint puts the same `<name>-<account>.` before the endpoint's host, which
// for local-aws is `s3-accesspoint.localhost` (RFC 6761 keeps every *.localhost name on this
// computer, and its certificate covers `*.s3-accesspoint.localhost`).
const ACCESS_POINT_LABEL = /^([a-z0-9][a-z0-9-]{1,48}[a-z0-9])-(\d{12})$/;

/** The access point a Host header names, or undefined for a path-style request. */
export function accessPointAddress(host: string | undefined): AccessPointAddress | undefined {
  if (!host) return undefined;
  const hostname = host.startsWith('[') ? host : host.replace(/:\d+$/, '');
  if (isIP(hostname) || !hostname.includes('.')) return undefined;
  const match = ACCESS_POINT_LABEL.exec(hostname.slice(0, hostname.indexOf('.')).toLowerCase());
  if (!match?.[1] || !match[2]) return undefined;
  return { name: match[1], accountId: match[2] };
}

/**
 * The access point addressed, or S3's NoSuchAccessPoint: local-aws holds one account, so a name it
 * does not know, or another account's ID, names nothing.
 */
export function findAccessPoint(
  ctx: LocalAwsContext,
  address: AccessPointAddress,
): AccessPointState {
  const found =
    address.accountId === ctx.state.accountId ? ctx.state.accessPoints?.[address.name] : undefined;
  if (!found) throw noSuchAccessPoint();
  return found;
}

/**
 * The access point a path-style bucket name is the alias of, if it is one: S3 accepts an alias
 * wherever it accepts a bucket name, which lets clients that cannot resolve an access point's
 * host name (anything but Hakobu, against local-aws) use access points too.
 */
export function accessPointByAlias(
  ctx: LocalAwsContext,
  bucket: string,
): AccessPointState | undefined {
  if (!bucket.endsWith('-s3alias')) return undefined;
  return Object.values(ctx.state.accessPoints ?? {}).find((point) => point.alias === bucket);
}

/** arn:aws:s3:<region>:<account>:accesspoint/<name> */
export const accessPointArnOf = (region: string, accountId: string, name: string) =>
  `arn:aws:s3:${region}:${accountId}:accesspoint/${name}`;

/** The ARN of one of this stand-in's access points. */
export function accessPointArn(ctx: LocalAwsContext, name: string): string {
  return accessPointArnOf(ctx.region, ctx.state.accountId, name);
}
