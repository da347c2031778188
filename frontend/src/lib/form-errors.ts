import { ApiError } from '$lib/api/client';

export interface FormFailure {
  message: string;
  fields: Record<string, string[]>;
}

/** What a form shows when the API refused it: the message, and the messages per field. */
export function toFormFailure(error: unknown, fallback = 'Something went wrong. Please try again.'): FormFailure {
  if (error instanceof ApiError) return { message: error.body.message, fields: error.fields };
  return { message: fallback, fields: {} };
}
