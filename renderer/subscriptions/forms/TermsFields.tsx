import { NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { FieldErrors } from '../../../core/api/errors';
import { FREQUENCY_LABELS, type Frequency } from '../../../core/formulas/formulas';
import { SUBSCRIPTION_LABELS } from '../../../core/subscriptions/subscriptions';
import type { Catalogue } from './use-catalogue';

export type TermsValues = {
  formulaId: number | null;
  depotId: number | null;
  frequency: Frequency | null;
  quantity: number;
};

/** The frequencies a formula offers; a formula change keeps the frequency only if still offered. */
export function offeredFrequencies(catalogue: Catalogue, formulaId: number | null): Frequency[] {
  return catalogue.formulas.find((f) => f.id === formulaId)?.frequencies ?? [];
}

/** Formula, depot, frequency (those the formula offers) and quantity of a subscription. */
export function TermsFields({
  values,
  errors,
  catalogue,
  autoFocus,
  onChange,
}: {
  values: TermsValues;
  errors: FieldErrors;
  catalogue: Catalogue;
  autoFocus?: boolean;
  onChange(patch: Partial<TermsValues>): void;
}) {
  const frequencies = offeredFrequencies(catalogue, values.formulaId);
  return (
    <SimpleGrid cols={2} spacing="md">
      <Select
        label={SUBSCRIPTION_LABELS.formulaId}
        withAsterisk
        data-autofocus={autoFocus || undefined}
        data={catalogue.formulaOptions}
        value={values.formulaId === null ? null : String(values.formulaId)}
        error={errors.formulaId}
        searchable
        openOnFocus={false}
        nothingFoundMessage="Aucune formule de ce nom"
        comboboxProps={{ withinPortal: true }}
        onChange={(value) => {
          const formulaId = value ? Number(value) : null;
          const offered = offeredFrequencies(catalogue, formulaId);
          const frequency = values.frequency && offered.includes(values.frequency) ? values.frequency : (offered[0] ?? null);
          onChange({ formulaId, frequency });
        }}
      />
      <Select
        label={SUBSCRIPTION_LABELS.depotId}
        withAsterisk
        data={catalogue.depotOptions}
        value={values.depotId === null ? null : String(values.depotId)}
        error={errors.depotId}
        searchable
        openOnFocus={false}
        nothingFoundMessage="Aucun dépôt de ce nom"
        comboboxProps={{ withinPortal: true }}
        onChange={(value) => onChange({ depotId: value ? Number(value) : null })}
      />
      <Select
        label={SUBSCRIPTION_LABELS.frequency}
        withAsterisk
        data={frequencies.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
        value={values.frequency}
        error={errors.frequency}
        disabled={values.formulaId === null}
        description={values.formulaId === null ? 'Choisissez d’abord la formule.' : undefined}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        onChange={(value) => onChange({ frequency: (value as Frequency | null) ?? null })}
      />
      <NumberInput
        label={SUBSCRIPTION_LABELS.quantity}
        withAsterisk
        min={1}
        max={20}
        allowDecimal={false}
        value={values.quantity}
        error={errors.quantity}
        onChange={(value) => onChange({ quantity: typeof value === 'number' ? value : Number(value) || 0 })}
      />
    </SimpleGrid>
  );
}
