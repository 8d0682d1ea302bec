import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors';

/**
 * French messages for zod's generic issues. Schemas give their own messages where a field
 * has a rule of its own (IBAN, SIRET…); this covers the rest (missing, wrong type, too long).
 */
function frenchIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Champ obligatoire.' : 'Valeur de type incorrect.';
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'Champ obligatoire.' : `Au moins ${issue.minimum} caractères.`;
      return `Doit être au moins ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Au plus ${issue.maximum} caractères.`;
      return `Doit être au plus ${issue.maximum}.`;
    case 'invalid_value':
      return 'Valeur non autorisée.';
    case 'invalid_format':
      return 'Format invalide.';
    case 'unrecognized_keys':
      return `Champ inconnu : ${issue.keys.join(', ')}.`;
    default:
      return 'Valeur invalide.';
  }
}

z.config({ customError: frenchIssueMessage });

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** `IBAN : Clé incorrecte.`, unless the message already names the field (`IBAN invalide…`). */
function withLabel(label: string, message: string): string {
  return message.toLowerCase().includes(label.toLowerCase()) ? message : `${label} : ${message}`;
}

/** Validates `input` against `schema`, or throws a ValidationError naming each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Readonly<Record<string, string>> = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const count = Object.keys(fields).length;
  const first = Object.entries(fields)[0];
  const message =
    count === 1 && first
      ? first[0] === '_'
        ? first[1]
        : withLabel(labels[first[0]] ?? first[0], first[1])
      : `${count} champs sont à corriger : ${Object.keys(fields)
          .map((key) => labels[key] ?? key)
          .join(', ')}.`;
  throw new ValidationError(message, fields);
}
