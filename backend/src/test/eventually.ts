/**
 * Polls until `check` returns something other than false, null or undefined, and returns it; throws
 * after `timeoutMs` with `what` (a string, or a function read at that moment for the state seen).
 * Tests wait for a condition with this, never for a fixed time: a sleep is either too short on a
 * busy machine or longer than needed everywhere else. Shared by the backend and e2e tests.
 */
export async function eventually<T>(
  check: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  what: string | (() => string),
  { timeoutMs = 10_000, everyMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Gave up after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
