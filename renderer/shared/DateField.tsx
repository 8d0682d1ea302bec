import { TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { formatDateShortFr, isIsoDate, parseFrenchDate } from '../../core/dates/dates';

/** What was typed, as `YYYY-MM-DD` when it is a date (« 14/04/2025 », « 14/4/25 »), else as typed. */
export function typedDate(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || isIsoDate(trimmed)) return trimmed;
  try {
    return parseFrenchDate(trimmed);
  } catch {
    return trimmed; // the schema then says « Date … invalide » on the field
  }
}

function shown(value: string): string {
  return isIsoDate(value) ? formatDateShortFr(value) : value;
}

/**
 * A day typed the French way (jj/mm/aaaa), kept as `YYYY-MM-DD` like everywhere in Paniers.
 * A text field rather than the browser's date picker, whose order follows the system locale
 * (mm/dd/yyyy on an English Windows) and would mislead the office. '' means no date.
 */
export function DateField({
  id,
  label,
  ariaLabel,
  width,
  value,
  error,
  description,
  required,
  autoFocus,
  onChange,
}: {
  id?: string;
  /** The visible label; a compact field (a toolbar) gives `ariaLabel` instead. */
  label?: string;
  ariaLabel?: string;
  width?: number;
  value: string;
  /** A message, or `true` for a red field whose message is written elsewhere (a grid line). */
  error?: ReactNode;
  description?: string;
  required?: boolean;
  autoFocus?: boolean;
  onChange(value: string): void;
}) {
  const [text, setText] = useState(() => shown(value));
  // The value changed from outside (a reset, a default): show it.
  useEffect(() => {
    setText((current) => (typedDate(current) === value ? current : shown(value)));
  }, [value]);

  return (
    <TextInput
      id={id}
      label={label}
      aria-label={ariaLabel}
      w={width}
      placeholder="jj/mm/aaaa"
      inputMode="numeric"
      value={text}
      error={error}
      description={description}
      withAsterisk={required}
      data-autofocus={autoFocus || undefined}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(typedDate(event.currentTarget.value));
      }}
      // « 1/2/27 » becomes « 01/02/2027 » once the field is left.
      onBlur={() => setText(shown(value))}
    />
  );
}
