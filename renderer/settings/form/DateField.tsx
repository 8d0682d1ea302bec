import { TextInput } from '@mantine/core';
import type { IsoDate } from '../../../core/dates/dates';
import { frenchDay, readTypedDate } from './date-text';

/** A date typed as in France (jj/mm/aaaa); once it is one, the day is spelled out below it. */
export function DateField({
  id,
  label,
  value,
  error,
  required,
  autoFocus,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  onChange(value: string): void;
}) {
  const { day } = readTypedDate(value);
  return (
    <TextInput
      id={id}
      label={label}
      placeholder="jj/mm/aaaa"
      withAsterisk={required}
      data-autofocus={autoFocus || undefined}
      disabled={disabled}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      error={error}
      description={day ? frenchDay(day as IsoDate, 'EEEE d MMMM yyyy') : 'Exemple : 01/01/2027'}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
