/** Query parameters more than one route reads, with the errors they answer. */
import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import { ProblemError, problemTypes, type FieldError } from './problem.ts';

export function readLocale(value: string | undefined, errors: FieldError[]): Locale | undefined {
  if (isLocale(value)) return value;
  errors.push({
    field: 'locale',
    message:
      value === undefined
        ? `locale is required: one of ${locales.join(', ')}`
        : `locale "${value}" is not supported; use one of ${locales.join(', ')}`,
  });
  return undefined;
}

export function invalidParameters(errors: FieldError[]): ProblemError {
  return new ProblemError({
    type: problemTypes.invalidParameters,
    title: 'Invalid query parameters',
    status: 400,
    detail: `Check ${errors.map((error) => error.field).join(', ')}.`,
    errors,
  });
}
