import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import { requirePool } from './lookup';
import type { UserState } from './model';
import { userAttributes, userType } from './user-view';

/** ListUsers' input. */
export const ListUsersInput = z.object({
  UserPoolId: z.string().min(1),
  Filter: z.string().max(256).optional(),
  Limit: z.number().int().min(1).max(60).default(60),
  PaginationToken: z.string().optional(),
  AttributesToGet: z.array(z.string()).optional(),
});

// The attributes Cognito lets ListUsers filter on; custom attributes are not searchable.
const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

const invalidFilter = () =>
  new AwsError('InvalidParameterException', 'Error while parsing filter.');

function valueOf(user: UserState, attribute: string): string | undefined {
  if (attribute === 'username') return user.username;
  if (attribute === 'cognito:user_status') return user.status;
  if (attribute === 'status') return user.enabled ? 'Enabled' : 'Disabled';
  return userAttributes(user).find((a) => a.Name === attribute)?.Value;
}

/** The test a Filter such as `email = "a@example.com"` or `email ^= "a"` stands for. */
function parseFilter(filter: string | undefined): (user: UserState) => boolean {
  if (!filter?.trim()) return () => true;
  const match = FILTER.exec(filter);
  if (!match) throw invalidFilter();
  const [, attribute = '', operator, raw = ''] = match;
  if (!SEARCHABLE.has(attribute)) throw invalidFilter();
  const wanted = raw.replace(/\\(.)/g, '$1');
  return (user) => {
    const value = valueOf(user, attribute);
    if (value === undefined) return false;
    return operator === '=' ? value === wanted : value.startsWith(wanted);
  };
}

/**
 * ListUsers, with Cognito's one-condition Filter: in a pool that signs in by email this is how
 * an administrator finds a user's UUID username from their email.
 */
export function listUsers(ctx: LocalAwsContext, input: z.infer<typeof ListUsersInput>) {
  const pool = requirePool(ctx, input.UserPoolId);
  const matches = parseFilter(input.Filter);
  const all = Object.values(pool.users)
    .filter(matches)
    .sort((a, b) => a.createdAt - b.createdAt || a.username.localeCompare(b.username));
  const start = input.PaginationToken ? Number.parseInt(input.PaginationToken, 10) : 0;
  if (!Number.isSafeInteger(start) || start < 0)
    throw new AwsError('InvalidParameterException', 'Invalid pagination token.');
  const page = all.slice(start, start + input.Limit);
  const wanted = input.AttributesToGet && new Set(input.AttributesToGet);
  const next = start + page.length;
  return {
    Users: page.map((user) => {
      const view = userType(user);
      return wanted
        ? { ...view, Attributes: view.Attributes.filter((a) => wanted.has(a.Name)) }
        : view;
    }),
    ...(next < all.length ? { PaginationToken: String(next) } : {}),
  };
}
