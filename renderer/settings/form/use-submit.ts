import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../../core/api/errors';
import { parseInput } from '../../../core/api/zod-fr';
import { notifyError, notifySuccess } from '../../notify/notify';

export interface SubmitOptions<V, R> {
  /** DOM id prefix of the form's fields: `${idPrefix}-${key}` gets the focus on an error. */
  idPrefix: string;
  /** Checked here first with the backend's own schema: same French messages, nothing sent when wrong. */
  schema?: z.ZodType;
  labels?: Readonly<Record<string, string>>;
  /** Title of the red notification when nothing was saved. */
  failureTitle: string;
  successMessage?: string;
  send(values: V): Promise<R>;
}

export function fieldDomId(idPrefix: string, key: string): string {
  return `${idPrefix}-${key}`;
}

function focusFirst(idPrefix: string, fields: FieldErrors): void {
  for (const key of Object.keys(fields)) {
    const element = document.getElementById(fieldDomId(idPrefix, key));
    if (element) {
      element.focus();
      return;
    }
  }
}

/** The schema's errors plus those the form found converting text (a capacity that is no number…). */
function checkLocally(
  schema: z.ZodType | undefined,
  values: unknown,
  labels: Readonly<Record<string, string>> | undefined,
  localErrors: FieldErrors,
): ValidationError | null {
  let fields: FieldErrors = {};
  let message = '';
  try {
    if (schema) parseInput(schema, values, labels);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    fields = error.fields;
    message = error.message;
  }
  const all = { ...fields, ...localErrors };
  const keys = Object.keys(all);
  if (keys.length === 0) return null;
  if (keys.length === 1 && message === '') {
    const key = keys[0]!;
    const label = labels?.[key];
    message = label ? `${label} : ${all[key]}` : all[key]!;
  } else if (keys.length > 1) {
    message = `${keys.length} champs sont à corriger : ${keys.map((key) => labels?.[key] ?? key).join(', ')}.`;
  }
  return new ValidationError(message, all);
}

/**
 * The submit cycle every catalogue form shares: validate locally, send, put the backend's
 * field errors on the fields (or say the message when it names no field), and only report
 * success once the backend answered (a mutation returns once it is on disk).
 */
export function useSubmit<V, R>(options: SubmitOptions<V, R>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const { idPrefix, schema, labels, failureTitle, successMessage, send } = options;

  const clearError = useCallback((key: string) => {
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const { [key]: _gone, ...rest } = previous;
      return rest;
    });
  }, []);

  const submit = useCallback(
    async (values: V, localErrors: FieldErrors = {}): Promise<R | undefined> => {
      if (submitting) return undefined;
      const notificationId = `${idPrefix}-submit`;
      const refusal = checkLocally(schema, values, labels, localErrors);
      if (refusal) {
        setErrors(refusal.fields);
        notifyError(refusal, failureTitle, notificationId);
        focusFirst(idPrefix, refusal.fields);
        return undefined;
      }
      setSubmitting(true);
      try {
        const result = await send(values);
        setErrors({});
        if (successMessage) notifySuccess(successMessage, notificationId);
        return result;
      } catch (error) {
        if (error instanceof ValidationError) {
          setErrors(error.fields);
          focusFirst(idPrefix, error.fields);
        }
        notifyError(error, failureTitle, notificationId);
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [submitting, idPrefix, schema, labels, failureTitle, successMessage, send],
  );

  return { errors, setErrors, clearError, submitting, submit };
}
