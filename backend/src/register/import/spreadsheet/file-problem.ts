import { DomainError } from '../../../common/domain-error';

/** A spreadsheet we cannot read: a 400 whose message says what is wrong with the file, never a 500. */
export function fileProblem(message: string): DomainError {
  return DomainError.validation({ file: [message] }, message);
}

export function isFileProblem(error: unknown): error is DomainError {
  return error instanceof DomainError && error.kind === 'validation' && !!error.fields?.file;
}
