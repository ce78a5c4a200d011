import { isMethodName, methods, type MethodName, type Methods } from './contract.ts';
import { handlers } from './handlers.ts';
import type { Backend } from '../app/backend.ts';
import type { DomainHandlers } from '../rpc/define.ts';
import { StationError, type Envelope } from '../rpc/envelope.ts';

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

type AnyHandler = (input: unknown, backend: Backend) => unknown;

/**
 * The single door into the backend: the method must exist, its input must pass its schema,
 * and whatever happens the caller gets an envelope, never an exception.
 */
export async function dispatch(backend: Backend, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) return { ok: false, error: { code: 'unknown-method', message: `There is no method ${name}.` } };
  const parsed = methods[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error.issues) } };
  try {
    // The contract ties each name to its handler; TypeScript cannot follow that through a union of names.
    const handler = (handlers as DomainHandlers<Methods, Backend>)[name as MethodName] as unknown as AnyHandler;
    const value = await handler(parsed.data, backend);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof StationError) {
      const ref = err.code === 'internal' ? backend.logger.error(err.message, err, { method: name }) : undefined;
      return { ok: false, error: { code: err.code, message: err.message, ...(ref ? { ref } : {}) } };
    }
    const ref = backend.logger.error(`${name} failed`, err, { method: name });
    return { ok: false, error: { code: 'internal', message: `Something went wrong (${(err as Error).message}). The details are in the log under ${ref}.`, ref } };
  }
}
