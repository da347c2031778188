import type { DiscoveryService } from '@nestjs/core';

/**
 * The providers marked with `decorator`, across every module: how a lower module reaches the
 * modules that stand above it (they mark a provider; it never imports them). Keys must be unique.
 */
export function keyedProviders<T extends { readonly key: string }>(
  discovery: DiscoveryService,
  decorator: { readonly KEY: string },
): T[] {
  const found = discovery
    .getProviders({ metadataKey: decorator.KEY })
    .map((wrapper) => wrapper.instance as T | undefined)
    .filter((instance): instance is T => instance !== undefined);
  const keys = new Set<string>();
  for (const { key } of found) {
    if (keys.has(key)) throw new Error(`Two providers of ${decorator.KEY} are keyed "${key}"`);
    keys.add(key);
  }
  return found;
}
