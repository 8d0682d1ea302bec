import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { SubscriberListRow } from '../../../core/subscribers/subscriber-handlers';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';

export interface PickedSubscriber {
  id: number;
  name: string;
}

/** The name as the backend writes it on a cheque (displayName): « Prénom Nom », or the organisation's name. */
export const subscriberName = (row: Pick<SubscriberListRow, 'kind' | 'firstName' | 'lastName'>) =>
  row.kind === 'organisation' ? row.lastName : `${row.firstName} ${row.lastName}`.trim();

/** A searchable choice among the subscribers, asked of the backend as the name is typed (thousands stay fast). */
export function SubscriberPicker({ value, error, onChange }: { value: PickedSubscriber | null; error?: string; onChange(subscriber: PickedSubscriber | null): void }) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [rows, setRows] = useState<SubscriberListRow[]>([]);
  const [chosenLabel, setChosenLabel] = useState('');

  useEffect(() => {
    // Once chosen, the field shows the name: that text is not a new search.
    const query = value && debounced === chosenLabel ? '' : debounced;
    let current = true;
    api.call('subscriber-list', { query, limit: 30 }).then(
      (found) => current && setRows(found.rows),
      (e: unknown) => notifyError(e, 'La recherche d’adhérents n’a pas abouti'),
    );
    return () => {
      current = false;
    };
  }, [api, debounced, value, chosenLabel]);

  const data = rows.map((row) => ({ value: String(row.id), label: `${subscriberName(row)}${row.city ? ` — ${row.city}` : ''}` }));
  if (value && !rows.some((row) => row.id === value.id)) data.unshift({ value: String(value.id), label: value.name });

  return (
    <Select
      label="Adhérent"
      withAsterisk
      placeholder="Tapez un nom"
      searchable
      data-autofocus
      data={data}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      // The backend has filtered already (accents, several words): show what it found.
      filter={({ options }) => options}
      nothingFoundMessage="Aucun adhérent ne correspond"
      error={error}
      onChange={(id) => {
        const row = rows.find((r) => String(r.id) === id);
        setChosenLabel(data.find((option) => option.value === id)?.label ?? '');
        onChange(row ? { id: row.id, name: subscriberName(row) } : null);
      }}
      maw={420}
    />
  );
}
