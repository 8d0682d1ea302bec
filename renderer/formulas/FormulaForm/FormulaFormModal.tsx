import { Button, Checkbox, Group, Input, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../core/handlers';
import {
  FORMULA_LABELS,
  formulaCreateInput,
  formulaUpdateInput,
  FREQUENCIES,
  FREQUENCY_LABELS,
  VAT_RATES_BP,
  type Formula,
  type Frequency,
} from '../../../core/formulas/formulas';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { DateField } from '../../settings/form/DateField';
import { formatVatRate, MONTH_OPTIONS } from '../../settings/form/labels';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';
import { emptyFormulaValues, formulaInputOf, formulaValues, type FormulaFormValues } from './formula-values';

const ID = 'formula';
const VAT_OPTIONS = VAT_RATES_BP.map((bp) => ({ value: String(bp), label: bp === 0 ? 'Pas de TVA (0 %)' : formatVatRate(bp) }));

/** Creates a formula with its first price, or edits one (its prices change in the price history). */
export function FormulaFormModal({
  opened,
  formula,
  formulas,
  today,
  onClose,
  onSaved,
}: {
  opened: boolean;
  formula: Formula | null;
  formulas: Formula[];
  today: string;
  onClose(): void;
  onSaved(formula: Formula): void;
}) {
  const api = useApi();
  const creating = formula === null;
  const [values, setValues] = useState<FormulaFormValues>(() => emptyFormulaValues(today));
  const form = useSubmit({
    idPrefix: ID,
    schema: creating ? formulaCreateInput : formulaUpdateInput,
    labels: FORMULA_LABELS,
    failureTitle: 'Formule non enregistrée',
    successMessage: `Formule ${values.name.trim()} enregistrée`,
    send: (input: Record<string, unknown>) =>
      formula ? api.call('formula-update', input as InputOf<'formula-update'>) : api.call('formula-create', input as InputOf<'formula-create'>),
  });
  const { setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(formula ? formulaValues(formula) : emptyFormulaValues(today));
    setErrors({});
  }, [opened, formula, today, setErrors]);

  function set<K extends keyof FormulaFormValues>(key: K, value: FormulaFormValues[K], errorKey: string = key) {
    setValues((previous) => ({ ...previous, [key]: value }));
    form.clearError(errorKey);
  }

  const baseOptions = formulas
    .filter((other) => !other.isSocial && !other.archivedAt && other.id !== formula?.id)
    .map((other) => ({ value: String(other.id), label: other.name }));

  async function submit() {
    const { input, errors } = formulaInputOf(values, creating);
    const saved = await form.submit(formula ? { ...input, id: formula.id } : input, errors);
    if (saved) onSaved(saved);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={formula ? `Modifier la formule ${formula.name}` : 'Nouvelle formule'} size="xl">
      <form
        noValidate
        aria-label={formula ? 'Modifier la formule' : 'Nouvelle formule'}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
            <TextInput
              id={fieldDomId(ID, 'name')}
              label={FORMULA_LABELS.name}
              placeholder="ex. Petit panier"
              withAsterisk
              data-autofocus
              value={values.name}
              error={form.errors.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              style={{ gridColumn: 'span 2' }}
            />
            <TextInput
              id={fieldDomId(ID, 'code')}
              label={FORMULA_LABELS.code}
              description="Court, sur les feuilles et les exports."
              placeholder="ex. PETIT"
              withAsterisk
              value={values.code}
              error={form.errors.code}
              onChange={(event) => set('code', event.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            id={fieldDomId(ID, 'description')}
            label={FORMULA_LABELS.description}
            placeholder="ex. Légumes de saison pour 1 à 2 personnes."
            autosize
            minRows={1}
            maxRows={3}
            value={values.description}
            error={form.errors.description}
            onChange={(event) => set('description', event.currentTarget.value)}
          />

          <Title order={3} fz="sm" c="dimmed" mt="xs">
            Prix
          </Title>
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
            {creating && (
              <TextInput
                id={fieldDomId(ID, 'priceCents')}
                label={FORMULA_LABELS.priceCents}
                placeholder="ex. 12,50"
                rightSection="€"
                withAsterisk
                value={values.price}
                error={form.errors.priceCents}
                onChange={(event) => set('price', event.currentTarget.value, 'priceCents')}
              />
            )}
            {creating && (
              <DateField
                id={fieldDomId(ID, 'priceFrom')}
                label={FORMULA_LABELS.priceFrom}
                required
                value={values.priceFrom}
                error={form.errors.priceFrom}
                onChange={(value) => set('priceFrom', value)}
              />
            )}
            {formula && (
              <Input.Wrapper label={FORMULA_LABELS.priceCents} description="Se change avec le bouton « Prix » de la liste.">
                <Text fw={600} mt={6}>
                  {formula.currentPriceCents === null ? 'aucun prix en vigueur' : formatEuros(formula.currentPriceCents)}
                </Text>
              </Input.Wrapper>
            )}
            <Select
              id={fieldDomId(ID, 'vatRateBp')}
              label={FORMULA_LABELS.vatRateBp}
              data={VAT_OPTIONS}
              value={values.vatRateBp}
              allowDeselect={false}
              error={form.errors.vatRateBp}
              onChange={(value) => value && set('vatRateBp', value)}
            />
            <TextInput
              id={fieldDomId(ID, 'quarterlyFlatCents')}
              label={FORMULA_LABELS.quarterlyFlatCents}
              description="Pour ceux qui paient d’avance ; vide si non proposé."
              placeholder="ex. 150,00"
              rightSection="€"
              value={values.quarterlyFlat}
              error={form.errors.quarterlyFlatCents}
              onChange={(event) => set('quarterlyFlat', event.currentTarget.value, 'quarterlyFlatCents')}
            />
          </SimpleGrid>

          <Title order={3} fz="sm" c="dimmed" mt="xs">
            Disponibilité et fréquences
          </Title>
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
            <Switch
              mt={28}
              label="Toute l’année"
              checked={values.yearRound}
              onChange={(event) => {
                const yearRound = event.currentTarget.checked;
                setValues((previous) => ({ ...previous, yearRound }));
                form.clearError('availableFromMonth');
                form.clearError('availableToMonth');
              }}
            />
            <Select
              id={fieldDomId(ID, 'availableFromMonth')}
              label="Premier mois"
              data={MONTH_OPTIONS}
              disabled={values.yearRound}
              value={values.yearRound ? null : values.availableFromMonth || null}
              error={form.errors.availableFromMonth}
              onChange={(value) => set('availableFromMonth', value ?? '')}
            />
            <Select
              id={fieldDomId(ID, 'availableToMonth')}
              label="Dernier mois"
              data={MONTH_OPTIONS}
              disabled={values.yearRound}
              value={values.yearRound ? null : values.availableToMonth || null}
              error={form.errors.availableToMonth}
              onChange={(value) => set('availableToMonth', value ?? '')}
            />
          </SimpleGrid>
          <Checkbox.Group
            id={fieldDomId(ID, 'frequencies')}
            label={FORMULA_LABELS.frequencies}
            withAsterisk
            value={values.frequencies}
            error={form.errors.frequencies}
            onChange={(value) => set('frequencies', value as Frequency[])}
          >
            <SimpleGrid cols={2} mt={6} spacing={6}>
              {FREQUENCIES.map((frequency) => (
                <Checkbox key={frequency} value={frequency} label={FREQUENCY_LABELS[frequency]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>

          <Title order={3} fz="sm" c="dimmed" mt="xs">
            Tarif social (Paniers Découverte)
          </Title>
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            <Switch
              mt={28}
              label="C’est un tarif social"
              checked={values.isSocial}
              onChange={(event) => set('isSocial', event.currentTarget.checked, 'baseFormulaId')}
            />
            <Select
              id={fieldDomId(ID, 'baseFormulaId')}
              label={FORMULA_LABELS.baseFormulaId}
              description="La formule dont ce tarif est la variante."
              data={baseOptions}
              disabled={!values.isSocial}
              value={values.isSocial ? values.baseFormulaId || null : null}
              error={form.errors.baseFormulaId}
              onChange={(value) => set('baseFormulaId', value ?? '')}
            />
          </SimpleGrid>
          {!creating && (
            <Text size="xs" c="dimmed">
              Les livraisons passées gardent le prix auquel elles ont été faites.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.submitting}>
              {formula ? 'Enregistrer' : 'Créer la formule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
