import { describe, expect, it } from 'vitest';
import contextSource from '../../runtime/py/lambda_lab_context.py?raw';
import { CONTEXT_MEMBERS, NESTED_MEMBERS } from './contextDocs';

/** Public attributes set in a class's __init__ (or named in its __slots__) and its public methods. */
function pythonMembers(className: string): string[] {
  const start = contextSource.indexOf(`\nclass ${className}`);
  const next = contextSource.indexOf('\nclass ', start + 1);
  const body = contextSource.slice(start, next < 0 ? undefined : next);
  const slots = /__slots__ = \(([^)]*)\)/.exec(body)?.[1];
  const attributes = slots
    ? [...slots.matchAll(/"(\w+)"/g)].map((m) => m[1])
    : [...body.matchAll(/\n {8}self\.([a-z]\w*) =/g)].map((m) => m[1]);
  const methods = [...body.matchAll(/\n {4}def ([a-z]\w*)\(self/g)].map((m) => m[1]);
  return [...attributes, ...methods].filter((n): n is string => n !== undefined).sort();
}

const names = (members: readonly { name: string }[] | undefined) => (members ?? []).map((m) => m.name).sort();

describe("context docs cover exactly what the lab's runtime provides", () => {
  it('LambdaContext', () => {
    expect(names(CONTEXT_MEMBERS)).toEqual(pythonMembers('LambdaContext'));
  });

  it('identity, client_context and its client', () => {
    expect(names(NESTED_MEMBERS.identity)).toEqual(pythonMembers('CognitoIdentity'));
    expect(names(NESTED_MEMBERS.client_context)).toEqual(pythonMembers('ClientContext'));
    expect(names(NESTED_MEMBERS['client_context.client'])).toEqual(pythonMembers('Client'));
  });

  it('says memory_limit_in_mb is a string, as the runtime makes it', () => {
    expect(contextSource).toMatch(/self\.memory_limit_in_mb = str\(/);
    expect(CONTEXT_MEMBERS.find((m) => m.name === 'memory_limit_in_mb')?.type).toBe('str');
  });
});
