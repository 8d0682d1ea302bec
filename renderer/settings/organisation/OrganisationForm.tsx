import { Alert, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { ORGANISATION_LABELS, VAT_STATUS_LABELS, VAT_STATUSES, type VatStatus } from '../../../core/organisation/organisation';
import { fieldId, SECTIONS, type FieldSpec } from './fields';
import { LogoField } from './LogoField';
import { useOrganisationForm } from './use-organisation-form';

const VAT_OPTIONS = VAT_STATUSES.map((value) => ({ value, label: VAT_STATUS_LABELS[value] }));

export function OrganisationForm({ readOnly, onSaved }: { readOnly: boolean; onSaved(): void }) {
  const form = useOrganisationForm({ readOnly, onSaved });
  // Ctrl+S (Cmd+S on Mac) saves, even from inside a text field.
  useHotkeys([['mod+S', () => void form.save(), { preventDefault: true }]], []);

  if (form.loadError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Les paramètres n’ont pas pu être lus">
        {form.loadError}
      </Alert>
    );
  }
  const values = form.values;
  if (!values) return <Loader aria-label="Chargement des paramètres" />;

  function textField(spec: FieldSpec) {
    const common = {
      id: fieldId(spec.key),
      label: ORGANISATION_LABELS[spec.key],
      description: spec.description,
      placeholder: spec.placeholder,
      withAsterisk: spec.required,
      error: form.errors[spec.key],
      disabled: readOnly,
      value: values![spec.key],
    };
    const style = spec.wide ? { gridColumn: '1 / -1' } : undefined;
    return spec.kind === 'long' ? (
      <Textarea key={spec.key} {...common} style={style} autosize minRows={2} maxRows={6} onChange={(e) => form.setField(spec.key, e.currentTarget.value)} />
    ) : (
      <TextInput key={spec.key} {...common} style={style} onChange={(e) => form.setField(spec.key, e.currentTarget.value)} />
    );
  }

  return (
    <form
      noValidate
      aria-label="Paramètres de l’association"
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      <Stack gap="lg">
        {SECTIONS.map((section) => (
          <Paper key={section.title} withBorder p="lg" component="section" aria-label={section.title}>
            <Title order={2} fz="h4">
              {section.title}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {section.intro}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
              {section.title === 'TVA et factures' && (
                <Select
                  id={fieldId('vatStatus')}
                  label={ORGANISATION_LABELS.vatStatus}
                  description="Détermine la mention de TVA imprimée sur les factures."
                  data={VAT_OPTIONS}
                  value={values.vatStatus}
                  allowDeselect={false}
                  withAsterisk
                  error={form.errors.vatStatus}
                  disabled={readOnly}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(value) => value && form.setField('vatStatus', value as VatStatus)}
                />
              )}
              {section.fields.map(textField)}
              {section.title === 'Identité' && (
                <div style={{ gridColumn: '1 / -1' }}>
                  <LogoField value={values.logoDataUrl} error={form.errors.logoDataUrl} disabled={readOnly} onChange={(logo) => form.setField('logoDataUrl', logo)} />
                </div>
              )}
            </SimpleGrid>
          </Paper>
        ))}
        <Paper withBorder p="md" pos="sticky" bottom={0} style={{ zIndex: 2 }} shadow="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {form.updatedAt
                ? `Dernière modification le ${format(new Date(form.updatedAt), 'd MMMM yyyy à HH:mm', { locale: fr })}`
                : 'Paramètres jamais enregistrés'}
            </Text>
            <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={form.saving} disabled={readOnly}>
              Enregistrer (Ctrl+S)
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
