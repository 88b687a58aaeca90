import { z } from 'zod';
import { SCHEMA_KEY } from './key-paths';
import { ConfigLayer } from './schema';
import { SCHEMA_DESCRIPTION, SCHEMA_TITLE, SETTING_DOCS } from './setting-docs';

type JsonSchema = Record<string, unknown>;

const isSchema = (value: unknown): value is JsonSchema =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Adds descriptions by setting path and closes objects, as the loader warns about unknown keys. */
function annotate(schema: JsonSchema, path: string): void {
  const doc = SETTING_DOCS[path];
  if (doc) schema.description = doc;
  if (isSchema(schema.properties)) {
    schema.additionalProperties = false;
    for (const [key, child] of Object.entries(schema.properties)) {
      if (isSchema(child)) annotate(child, path ? `${path}.${key}` : key);
    }
  }
  if (isSchema(schema.items)) annotate(schema.items, path ? `${path}.*` : '*');
}

/**
 * The JSON schema of one configuration file, generated from the zod schema so the two never
 * drift (docs/config.schema.json; `npm run config-schema` rewrites it). Rules zod cannot express
 * (ID shapes, allowed endpoint hosts) are checked by Hakobu when it loads the file.
 */
export function configJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(ConfigLayer, {
    target: 'draft-2020-12',
    // A file is input: defaults are optional there, and refinements have no JSON form.
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  const properties = isSchema(rest.properties) ? rest.properties : {};
  const schema: JsonSchema = {
    $schema,
    title: SCHEMA_TITLE,
    description: SCHEMA_DESCRIPTION,
    ...rest,
    properties: { [SCHEMA_KEY]: { type: 'string' }, ...properties },
  };
  annotate(schema, '');
  // The root's path is "", which SETTING_DOCS does not describe; keep the file-level text.
  schema.description = SCHEMA_DESCRIPTION;
  return schema;
}
