import { Button, Checkbox, Divider, Drawer, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatEuros } from '../../../core/money/money';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, SUBSCRIBER_LABELS, type PaymentMethod, type Subscriber } from '../../../core/subscribers/subscribers';
import { useApiQuery } from '../../api/use-api-query';
import { DateField } from '../../shared/DateField';
import type { SubscriberFormValues } from './subscriber-values';
import { subscriberFieldId, useSubscriberForm } from './use-subscriber-form';

type TextKey = 'firstName' | 'lastName' | 'addressLine1' | 'addressLine2' | 'postcode' | 'city' | 'phone' | 'phone2' | 'phone3' | 'email' | 'iban' | 'bic' | 'mandateRum';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={3} fz="h5" component="legend" mb={4}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Create or edit a subscriber, in a drawer beside the page. Ctrl+S or Enter saves. */
export function SubscriberForm({ subscriber, onClose, onSaved }: { subscriber: Subscriber | null; onClose(): void; onSaved(saved: Subscriber): void }) {
  const form = useSubscriberForm({ subscriber, onSaved });
  const membershipTypes = useApiQuery('membership-type-list', { includeArchived: false });
  const { values, errors, setField } = form;
  useHotkeys([['mod+S', () => void form.handleSubmit(), { preventDefault: true }]], [], true);
  const isPerson = values.kind === 'person';

  const text = (key: TextKey, options: { placeholder?: string; description?: string; required?: boolean; autoFocus?: boolean; label?: string } = {}) => (
    <TextInput
      id={subscriberFieldId(key)}
      label={options.label ?? SUBSCRIBER_LABELS[key]}
      placeholder={options.placeholder}
      description={options.description}
      withAsterisk={options.required}
      data-autofocus={options.autoFocus || undefined}
      value={values[key]}
      error={errors[key]}
      onChange={(event) => setField(key, event.currentTarget.value)}
    />
  );
  const flag = (key: 'isEmployee' | 'isSupporter' | 'membershipExempt') => (
    <Checkbox id={subscriberFieldId(key)} label={SUBSCRIBER_LABELS[key]} checked={values[key]} onChange={(event) => setField(key, event.currentTarget.checked)} />
  );
  const date = (key: 'birthDate' | 'mandateSignedOn', required = false) => (
    <DateField id={subscriberFieldId(key)} label={SUBSCRIBER_LABELS[key]} required={required} value={values[key]} error={errors[key]} onChange={(value) => setField(key, value)} />
  );

  const title = subscriber ? 'Modifier la fiche' : 'Nouvel adhérent';
  return (
    <Drawer opened onClose={onClose} title={title} position="right" size="xl" padding="lg">
      <form noValidate aria-label={title} onSubmit={(event) => void form.handleSubmit(event)}>
        <Stack gap="lg">
          <Section title="Identité">
            <SegmentedControl
              aria-label={SUBSCRIBER_LABELS.kind}
              data={[
                { value: 'person', label: 'Particulier' },
                { value: 'organisation', label: 'Structure (association, entreprise…)' },
              ]}
              value={values.kind}
              onChange={(value) => setField('kind', value as SubscriberFormValues['kind'])}
            />
            <SimpleGrid cols={isPerson ? 3 : 1} spacing="md">
              {isPerson && (
                <Select
                  id={subscriberFieldId('civility')}
                  label={SUBSCRIBER_LABELS.civility}
                  data={[
                    { value: '', label: '—' },
                    { value: 'Mme', label: 'Mme' },
                    { value: 'M.', label: 'M.' },
                  ]}
                  value={values.civility}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(value) => setField('civility', (value ?? '') as SubscriberFormValues['civility'])}
                />
              )}
              {isPerson && text('firstName', { required: true, autoFocus: true })}
              {text('lastName', { required: true, autoFocus: !isPerson, label: isPerson ? SUBSCRIBER_LABELS.lastName : 'Nom de la structure' })}
            </SimpleGrid>
            {isPerson && <SimpleGrid cols={3}>{date('birthDate')}</SimpleGrid>}
          </Section>
          <Divider />
          <Section title="Coordonnées">
            {text('addressLine1', { placeholder: 'ex. 3 impasse des Mouettes' })}
            {text('addressLine2')}
            <SimpleGrid cols={3} spacing="md">
              {text('postcode', { placeholder: 'ex. 56100' })}
              <div style={{ gridColumn: 'span 2' }}>{text('city')}</div>
              {text('phone', { placeholder: 'ex. 06 12 34 56 78' })}
              {text('phone2')}
              {text('phone3')}
            </SimpleGrid>
            {text('email', { placeholder: 'ex. prenom.nom@exemple.fr' })}
          </Section>
          <Divider />
          <Section title="Adhésion">
            <Group gap="xl">
              {flag('isEmployee')}
              {flag('isSupporter')}
              {flag('membershipExempt')}
            </Group>
            <Select
              id={subscriberFieldId('membershipTypeId')}
              label={SUBSCRIBER_LABELS.membershipTypeId}
              placeholder={membershipTypes.data?.length ? 'Aucun' : 'Aucun type de cotisation défini (Paramètres)'}
              data={(membershipTypes.data ?? []).map((t) => ({ value: String(t.id), label: `${t.label} (${formatEuros(t.amountCents)})` }))}
              value={values.membershipTypeId === null ? null : String(values.membershipTypeId)}
              error={errors.membershipTypeId}
              clearable
              comboboxProps={{ withinPortal: true }}
              onChange={(value) => setField('membershipTypeId', value ? Number(value) : null)}
            />
          </Section>
          <Divider />
          <Section title="Règlement">
            <Select
              id={subscriberFieldId('paymentMethod')}
              label={SUBSCRIBER_LABELS.paymentMethod}
              withAsterisk
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
              value={values.paymentMethod}
              error={errors.paymentMethod}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              onChange={(value) => value && setField('paymentMethod', value as PaymentMethod)}
            />
            {values.paymentMethod === 'sepa' && (
              <>
                <SimpleGrid cols={3} spacing="md">
                  <div style={{ gridColumn: 'span 2' }}>{text('iban', { required: true, placeholder: 'ex. FR76 3000 6000 0112 3456 7890 189', description: 'Tel qu’il figure sur le RIB de l’adhérent.' })}</div>
                  {text('bic', { placeholder: 'ex. AGRIFRPP882', description: 'Facultatif.' })}
                </SimpleGrid>
                <SimpleGrid cols={2} spacing="md">
                  {text('mandateRum', {
                    description: subscriber?.mandateRum ? 'Référence du mandat signé : ne la changez que si la banque le demande.' : 'Laissez vide : Paniers génère une référence unique (PAN-000123) à l’enregistrement.',
                  })}
                  {date('mandateSignedOn', true)}
                </SimpleGrid>
              </>
            )}
          </Section>
          <Divider />
          <Textarea
            id={subscriberFieldId('notes')}
            label={SUBSCRIBER_LABELS.notes}
            autosize
            minRows={2}
            maxRows={6}
            value={values.notes}
            error={errors.notes}
            onChange={(event) => setField('notes', event.currentTarget.value)}
          />
          {form.formError && (
            <Text c="red" size="sm" role="alert">
              {form.formError}
            </Text>
          )}
          <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="white" style={{ zIndex: 2 }}>
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={form.submitting}>
              Enregistrer (Ctrl+S)
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
