import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportWizardState } from './use-import-wizard';

/** The first few non-empty values of a column, to recognise it (« 56620 · 56680 »). */
function sampleOf(sample: readonly (readonly string[])[], index: number): string {
  if (index < 0) return '';
  return sample
    .map((row) => row[index] ?? '')
    .filter((cell) => cell !== '')
    .slice(0, 3)
    .join(' · ');
}

/** Step 2 « Colonnes »: which column of the file holds each field; pre-filled by the backend's guess or the remembered mapping. */
export function ColumnsStep({ wizard }: { wizard: ImportWizardState }) {
  const { preview, mapping } = wizard;
  if (!preview) return null;
  const used = new Set(Object.values(mapping));
  const unused = preview.headers.filter((h) => h !== '' && !used.has(h));
  const missing = preview.fields.filter((f) => f.required && !mapping[f.key]);
  const options = [...new Set(preview.headers.filter((h) => h !== ''))];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        Pour chaque renseignement, choisissez la colonne du fichier qui le contient, ou laissez vide s’il n’y est pas. Paniers a reconnu les colonnes d’après leur
        titre et retiendra vos choix pour le prochain fichier de ce type.
      </Text>
      <Table.ScrollContainer minWidth={640} maxHeight={520}>
        <Table stickyHeader striped verticalSpacing={4} aria-label="Correspondance des colonnes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={260}>Renseignement</Table.Th>
              <Table.Th w={300}>Colonne du fichier</Table.Th>
              <Table.Th>Premières valeurs</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.fields.map((field) => {
              const header = mapping[field.key] ?? null;
              return (
                <Table.Tr key={field.key}>
                  <Table.Td>
                    <Text size="sm" fw={field.required ? 600 : 400}>
                      {field.label}
                      {field.required && (
                        <Text span c="red" aria-hidden>
                          {' '}
                          *
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Colonne pour « ${field.label} »`}
                      placeholder="— absente du fichier —"
                      data={options}
                      value={header}
                      clearable
                      searchable
                      error={field.required && !header ? `Choisissez la colonne qui contient « ${field.label} ».` : undefined}
                      onChange={(value) => wizard.setColumn(field.key, value)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {header ? sampleOf(preview.sample, preview.headers.indexOf(header)) || '(vide sur les premières lignes)' : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {unused.length > 0 && (
        <Text size="sm" c="dimmed">
          Colonnes du fichier qui ne seront pas importées : {unused.map((h) => `« ${h} »`).join(', ')}.
        </Text>
      )}
      <Group>
        <Button variant="default" onClick={() => wizard.setStep(0)}>
          Retour
        </Button>
        <Button disabled={missing.length > 0} loading={wizard.busy} onClick={() => void wizard.check()}>
          Vérifier le fichier
        </Button>
      </Group>
    </Stack>
  );
}
