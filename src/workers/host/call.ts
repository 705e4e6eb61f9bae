/**
 * The one typed way the main thread calls a worker method. `call(api, 'scorePair', a, b)` checks
 * the method name and its arguments against the worker's contract (e.g. MatchApi) and returns the
 * value type the contract promises, unwrapped from its Outcome: a failure is rethrown as the
 * typed error the worker reported. Call sites need no casts; a wrong result type is a compile
 * error (tests/unit/workers/call.test.ts holds the `@ts-expect-error` proof).
 */
import type { Remote } from 'comlink';
import { unwrapOutcome, type Outcome } from '../../core/contracts/outcome';

/** Names of the contract's methods that answer with an Outcome. */
export type OutcomeMethod<Api> = {
  [K in keyof Api]: Api[K] extends (...args: never[]) => Promise<Outcome<unknown>> ? K : never;
}[keyof Api];

/** The value a contract method's Outcome carries when it succeeds. */
export type OutcomeValue<Api, K extends keyof Api> = Api[K] extends (
  ...args: never[]
) => Promise<Outcome<infer T>>
  ? T
  : never;

/** The arguments a method takes through Comlink (callbacks wrapped with Comlink.proxy, buffers transferred). */
export type RemoteArgs<Api, K extends keyof Api> = Remote<Api>[K] extends (...args: infer A) => unknown
  ? A
  : never;

export async function call<Api, K extends OutcomeMethod<Api>>(
  api: Remote<Api>,
  method: K,
  ...args: RemoteArgs<Api, K>
): Promise<OutcomeValue<Api, K>> {
  // The one place the Remote's method is looked up by name: Comlink's mapped Remote type cannot
  // be indexed generically, and the signature above is what keeps callers honest.
  // Called as a method (not detached), so `this` is the worker API for plain-object fakes too.
  const remote = api as unknown as Record<
    K,
    (...remoteArgs: RemoteArgs<Api, K>) => Promise<Outcome<OutcomeValue<Api, K>>>
  >;
  return unwrapOutcome(await remote[method](...args));
}
