import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { AppError, InternalError, ValidationError, type FieldErrors } from '../../../core/api/errors';
import { parseInput } from '../../../core/api/zod-fr';

export interface DialogFormOptions<V> {
  initial: V;
  /** The backend's own input schema: the same French messages before anything is sent. */
  schema?: z.ZodType;
  labels?: Readonly<Record<string, string>>;
  /** Shapes the form's values into the handler's input (e.g. '' → null). */
  toInput?: (values: V) => unknown;
  submit(input: unknown): Promise<void>;
  /** Told of every refusal, ours or the backend's, after the errors are on the fields. */
  onError?(error: unknown): void;
}

/**
 * State of a small dialog form: values, per-field errors (ours and the backend's), and a
 * message for what belongs to no field (« Rien ne change », a conflict). Nothing is sent
 * while the schema refuses the values.
 */
export function useDialogForm<V extends Record<string, unknown>>({ initial, schema, labels = {}, toInput, submit, onError }: DialogFormOptions<V>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setField = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const { [key as string]: _gone, ...rest } = previous;
      return rest;
    });
    setFormError(null);
  }, []);

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  function showError(error: unknown): void {
    if (error instanceof ValidationError) {
      setErrors(error.fields);
      // A message that no field carries (or a form-wide one) is shown above the buttons.
      setFormError(Object.keys(error.fields).filter((key) => key !== '_').length === 0 ? error.message : null);
    } else {
      setFormError(error instanceof AppError ? error.message : new InternalError().message);
    }
    onError?.(error);
  }

  const handleSubmit = async (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    if (submitting) return;
    const input = toInput ? toInput(values) : values;
    if (schema) {
      try {
        parseInput(schema, input, labels);
      } catch (error) {
        showError(error);
        return;
      }
    }
    setSubmitting(true);
    try {
      await submit(input);
    } catch (error) {
      showError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, setField, errors, formError, submitting, handleSubmit, reset };
}

export type DialogForm<V extends Record<string, unknown>> = ReturnType<typeof useDialogForm<V>>;

/** '' in a date field means « no date ». */
export function dateOrNull(value: string): string | null {
  return value === '' ? null : value;
}
