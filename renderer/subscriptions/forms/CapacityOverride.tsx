import { Textarea } from '@mantine/core';
import { SUBSCRIPTION_LABELS } from '../../../core/subscriptions/subscriptions';

/**
 * Shown once the backend refused a full depot: its French message says how full, and the
 * office may give a reason to accept the subscription anyway.
 */
export function CapacityOverride({ value, error, onChange }: { value: string; error?: string; onChange(value: string): void }) {
  return (
    <Textarea
      label={SUBSCRIPTION_LABELS.capacityOverrideReason}
      description="Le dépôt est complet. Pour enregistrer quand même, indiquez pourquoi (gardé dans l’historique)."
      placeholder="ex. accord du référent du dépôt"
      value={value}
      error={error}
      autosize
      minRows={2}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
