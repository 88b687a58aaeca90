/**
 * CloudFormation's intrinsic functions, enough of them for what CDK synthesizes: Ref, Fn::GetAtt,
 * Fn::Join, Fn::Sub, Fn::Select and Fn::Split. Anything else is an error naming the function, so
 * a template local-aws cannot read is never half-understood.
 */

/** Answers Ref and Fn::GetAtt for one template: parameters, pseudo parameters and resources. */
export interface ReferenceResolver {
  ref(name: string): string | string[];
  getAtt(logicalId: string, attribute: string): string | string[];
}

/** What AWS::NoValue resolves to: the property or list element disappears. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

type Resolved = unknown;

function asString(value: Resolved, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${where}: expected a string, got ${JSON.stringify(value)}`);
}

function asList(value: Resolved, where: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new Error(`${where}: expected a list, got ${JSON.stringify(value)}`);
}

function substitute(template: string, vars: Record<string, Resolved>, refs: ReferenceResolver) {
  // ${!Literal} stays "${Literal}"; ${Name} and ${Resource.Attribute} are looked up.
  return template.replace(/\$\{(!?)([^}]*)\}/g, (_all, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (Object.hasOwn(vars, name)) return asString(vars[name], `Fn::Sub \${${name}}`);
    const dot = name.indexOf('.');
    const value = dot > 0 ? refs.getAtt(name.slice(0, dot), name.slice(dot + 1)) : refs.ref(name);
    return asString(value, `Fn::Sub \${${name}}`);
  });
}

function resolveFunction(name: string, arg: unknown, refs: ReferenceResolver): Resolved {
  const resolve = (value: unknown) => resolveIntrinsics(value, refs);
  switch (name) {
    case 'Ref':
      return asString(arg, 'Ref') === 'AWS::NoValue' ? NO_VALUE : refs.ref(arg as string);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] =
        typeof arg === 'string'
          ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)]
          : asList(arg, name);
      return refs.getAtt(asString(logicalId, name), asString(resolve(attribute), name));
    }
    case 'Fn::Join': {
      const [separator, parts] = asList(arg, name);
      return asList(resolve(parts), name)
        .map((part) => asString(part, name))
        .join(asString(separator, name));
    }
    case 'Fn::Sub': {
      const [text, vars] = typeof arg === 'string' ? [arg, {}] : asList(arg, name);
      const resolvedVars = resolve(vars ?? {}) as Record<string, Resolved>;
      return substitute(asString(text, name), resolvedVars, refs);
    }
    case 'Fn::Select': {
      const [index, list] = asList(arg, name);
      const items = asList(resolve(list), name);
      const at = Number(resolve(index));
      if (!Number.isInteger(at) || at < 0 || at >= items.length)
        throw new Error(`Fn::Select: index ${String(index)} is outside the list`);
      return items[at];
    }
    case 'Fn::Split': {
      const [separator, text] = asList(arg, name);
      return asString(resolve(text), name).split(asString(separator, name));
    }
    default:
      throw new Error(`${name} is not supported by local-aws's template reader`);
  }
}

/** Resolves every intrinsic function inside a template value, bottom-up. */
export function resolveIntrinsics(value: unknown, refs: ReferenceResolver): Resolved {
  if (Array.isArray(value)) {
    return value.map((item) => resolveIntrinsics(item, refs)).filter((item) => item !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    return resolveFunction(first[0], first[1], refs);
  }
  return Object.fromEntries(
    entries
      .map(([key, item]) => [key, resolveIntrinsics(item, refs)] as const)
      .filter(([, item]) => item !== NO_VALUE),
  );
}
