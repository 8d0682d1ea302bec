import { ActionIcon, Group, Input, Paper, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ValidationError } from '../../../core/api/errors';
import type { Depot, Round } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { weekdayLabel } from '../../settings/form/labels';
import { moveItem } from './reorder';

type Stop = Round['depots'][number];

/**
 * The depots of a round in delivery order. Every change (move, add, remove) is saved at once
 * with `round-set-depots`; a refusal (a depot already delivered that day by another round)
 * is said under the list and the saved order comes back.
 * Reordering: drag the grip (HTML5 drag and drop, enough for a short list: no library), the
 * arrow buttons, or ↑/↓ on the focused grip.
 */
export function RoundDepotsEditor({ round, depots, readOnly, onChanged }: { round: Round; depots: Depot[]; readOnly: boolean; onChanged(round: Round): void }) {
  const api = useApi();
  const [stops, setStops] = useState<Stop[]>(round.depots);
  const [error, setError] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const errorId = `round-${round.id}-depots-error`;
  // Saves run one after another, so a click made while the previous one is being saved is
  // never lost; after a refusal, the saves queued behind it (built on the refused order) are dropped.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const epoch = useRef(0);
  const confirmed = useRef(round.depots);

  useEffect(() => {
    confirmed.current = round.depots;
    if (pending.current === 0) setStops(round.depots);
  }, [round.depots]);

  function save(next: Stop[]) {
    setStops(next);
    setError(null);
    pending.current++;
    const queuedIn = epoch.current;
    queue.current = queue.current.then(async () => {
      try {
        if (queuedIn !== epoch.current) return;
        const saved = await api.call('round-set-depots', { id: round.id, depotIds: next.map((stop) => stop.id) });
        confirmed.current = saved.depots;
        onChanged(saved);
      } catch (failure) {
        epoch.current++;
        setStops(confirmed.current);
        if (failure instanceof ValidationError && failure.fields.depotIds) setError(failure.fields.depotIds);
        notifyError(failure, `Tournée ${round.name} non modifiée`);
      } finally {
        pending.current--;
      }
    });
  }

  function move(from: number, to: number) {
    if (readOnly || to < 0 || to >= stops.length) return;
    void save(moveItem(stops, from, to));
    // The moved depot keeps the keyboard focus on its grip at its new place.
    requestAnimationFrame(() => document.getElementById(`round-${round.id}-grip-${stops[from]!.id}`)?.focus());
  }

  function onGripKey(event: KeyboardEvent, index: number) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
    }
  }

  function onDrop(event: DragEvent, index: number) {
    event.preventDefault();
    if (dragFrom !== null) move(dragFrom, index);
    setDragFrom(null);
    setDropAt(null);
  }

  const inRound = new Set(stops.map((stop) => stop.id));
  const candidates = depots.filter((depot) => !depot.archivedAt && !inRound.has(depot.id));
  const option = (depot: Depot) => ({ value: String(depot.id), label: `${depot.name} (${depot.gardenName}, ${weekdayLabel(depot.weekday).toLowerCase()})` });
  const sameDay = candidates.filter((depot) => depot.weekday === round.weekday);
  const otherDays = candidates.filter((depot) => depot.weekday !== round.weekday);
  const addOptions = [
    ...(sameDay.length ? [{ group: `Livrés le ${weekdayLabel(round.weekday).toLowerCase()}`, items: sameDay.map(option) }] : []),
    ...(otherDays.length ? [{ group: 'Autres jours', items: otherDays.map(option) }] : []),
  ];

  return (
    <Stack gap={6}>
      <ol aria-label={`Dépôts de la tournée ${round.name}, dans l’ordre de livraison`} aria-describedby={error ? errorId : undefined} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {stops.map((stop, index) => (
          <li
            key={stop.id}
            onDragOver={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDragLeave={() => setDropAt((at) => (at === index ? null : at))}
            onDrop={(event) => onDrop(event, index)}
          >
            <Paper
              withBorder
              px="xs"
              py={4}
              mb={4}
              bg={dragFrom === index ? 'gray.1' : undefined}
              style={{ borderColor: dropAt === index && dragFrom !== index ? 'var(--mantine-color-leaf-6)' : undefined }}
            >
              <Group gap="xs" wrap="nowrap">
                <UnstyledButton
                  id={`round-${round.id}-grip-${stop.id}`}
                  draggable={!readOnly}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(stop.id));
                    setDragFrom(index);
                  }}
                  onDragEnd={() => {
                    setDragFrom(null);
                    setDropAt(null);
                  }}
                  onKeyDown={(event) => onGripKey(event, index)}
                  aria-label={`Déplacer ${stop.name} (glisser, ou flèches haut et bas)`}
                  disabled={readOnly}
                  style={{ cursor: readOnly ? 'default' : 'grab', display: 'flex' }}
                >
                  <IconGripVertical size={16} color="var(--mantine-color-gray-6)" />
                </UnstyledButton>
                <Text size="sm" c="dimmed" w={20} ta="right">
                  {index + 1}.
                </Text>
                <Text size="sm" style={{ flex: 1 }}>
                  {stop.name}
                </Text>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Monter ${stop.name}`} disabled={readOnly || index === 0} onClick={() => move(index, index - 1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Descendre ${stop.name}`}
                  disabled={readOnly || index === stops.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={`Retirer ${stop.name} de la tournée`}
                  disabled={readOnly}
                  onClick={() => void save(stops.filter((other) => other.id !== stop.id))}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          </li>
        ))}
      </ol>
      {stops.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun dépôt dans cette tournée : ajoutez-les dans l’ordre de livraison.
        </Text>
      )}
      {error && <Input.Error id={errorId}>{error}</Input.Error>}
      {!readOnly && (
        <Select
          aria-label={`Ajouter un dépôt à la tournée ${round.name}`}
          placeholder={candidates.length === 0 ? 'Aucun autre dépôt actif à ajouter' : 'Ajouter un dépôt…'}
          data={addOptions}
          value={null}
          searchable
          nothingFoundMessage="Aucun dépôt à ajouter"
          disabled={candidates.length === 0}
          onChange={(value) => {
            const depot = candidates.find((candidate) => String(candidate.id) === value);
            if (depot) void save([...stops, { id: depot.id, name: depot.name, position: stops.length + 1 }]);
          }}
        />
      )}
    </Stack>
  );
}
