import { isMethodName, methods, type MethodName, type Methods } from './contract.ts';
import { handlers } from './handlers.ts';
import type { Backend } from '../app/backend.ts';
import type { DomainHandlers } from '../rpc/define.ts';
import { StationError, type Envelope } from '../rpc/envelope.ts';
import { englishFor } from '../rpc/messages.ts';
import { describeIssues } from '../rpc/zod-issues.ts';

type AnyHandler = (input: unknown, backend: Backend) => unknown;

/**
 * The single door into the backend: the method must exist, its input must pass its schema,
 * and whatever happens the caller gets an envelope, never an exception.
 */
export async function dispatch(backend: Backend, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    const says = { key: 'unknown-method', values: { method: name.slice(0, 100) } } as const;
    return { ok: false, error: { code: 'unknown-method', message: englishFor(says.key, says.values), says } };
  }
  // The wrong value is reported with each issue, so that a missing field and a wrong one are told apart.
  const parsed = methods[name].input.safeParse(rawInput ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', ...describeIssues(parsed.error.issues) } };
  try {
    // The contract ties each name to its handler; TypeScript cannot follow that through a union of names.
    const handler = (handlers as DomainHandlers<Methods, Backend>)[name as MethodName] as unknown as AnyHandler;
    const value = await handler(parsed.data, backend);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof StationError) {
      const ref = err.code === 'internal' ? backend.logger.error(err.message, err, { method: name }) : undefined;
      return { ok: false, error: { code: err.code, message: err.message, ...(err.says ? { says: err.says } : {}), ...(ref ? { ref } : {}) } };
    }
    const ref = backend.logger.error(`${name} failed`, err, { method: name });
    const says = { key: 'something-went-wrong', values: { detail: (err as Error).message.slice(0, 300), ref } } as const;
    return { ok: false, error: { code: 'internal', message: englishFor(says.key, says.values), says, ref } };
  }
}
