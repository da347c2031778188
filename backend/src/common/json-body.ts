import secureJson from 'secure-json-parse';
import { DomainError } from './domain-error';

/**
 * The deepest JSON body the API takes. Its deepest DTO (a campaign's audience filter) is five levels;
 * the limit is there because class-transformer and class-validator recurse, and a body nested
 * thousands of levels deep overflows their stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a JSON request body: refused (400) when nested deeper than MAX_JSON_DEPTH, checked on the
 * text before anything builds the object, or when it carries prototype keys (`__proto__`,
 * `constructor.prototype`), which secure-json-parse rejects as Fastify's own parser does.
 */
export function parseJsonBody(text: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new DomainError('validation', `The JSON body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`);
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'not valid JSON';
    throw new DomainError('validation', `The body is not valid JSON: ${reason}`);
  }
}

/** The deepest nesting of arrays and objects in a JSON text (counted up to just past the limit), brackets inside strings not counted. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}
