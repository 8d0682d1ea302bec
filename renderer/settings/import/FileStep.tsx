import { Button, FileButton, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef } from 'react';
import { DateField } from '../../shared/DateField';
import { ACCEPTED_FILES, formatFileSize, KIND_CHOICES, plural, type ImportKind } from './import-text';
import type { ImportWizardState } from './use-import-wizard';

/** Step 1 « Fichier »: which file, its sheet, and the date the old accounts were settled. */
export function FileStep({ wizard }: { wizard: ImportWizardState }) {
  const { preview, file } = wizard;
  const resetFile = useRef<() => void>(null);
  return (
    <Stack gap="md" maw={760}>
      <Radio.Group label="Type de fichier" value={wizard.kind} onChange={(value) => wizard.setKind(value as ImportKind)}>
        <Stack gap="xs" mt="xs">
          {KIND_CHOICES.map((choice) => (
            <Radio key={choice.value} value={choice.value} label={choice.label} description={choice.description} />
          ))}
        </Stack>
      </Radio.Group>

      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Fichier{' '}
          <Text span size="xs" c="dimmed">
            (CSV séparé par « ; » ou « , », ou classeur Excel .xlsx)
          </Text>
        </Text>
        <Group gap="sm">
          <FileButton
          resetRef={resetFile}
          onChange={(picked) => {
            void wizard.chooseFile(picked);
            // The same file, corrected in Excel and chosen again, must fire a new change.
            resetFile.current?.();
          }} accept={ACCEPTED_FILES} inputProps={{ 'aria-label': 'Fichier à importer' }}>
            {(props) => (
              <Button {...props} variant={file ? 'default' : 'filled'} leftSection={<IconFileSpreadsheet size={16} />} loading={wizard.busy}>
                {file ? 'Choisir un autre fichier…' : 'Choisir le fichier…'}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" aria-label="Fichier choisi">
              <Text span fw={600}>
                {file.name}
              </Text>{' '}
              · {formatFileSize(file.size)}
              {preview && ` · ${plural(preview.rows, 'ligne', 'lignes')} sous l’en-tête, ${plural(preview.headers.length, 'colonne', 'colonnes')}`}
            </Text>
          )}
        </Group>
        {wizard.fileError && (
          <Text size="sm" c="red" role="alert">
            {wizard.fileError}
          </Text>
        )}
      </Stack>

      {preview && preview.sheets.length > 1 && (
        <Select
          label="Feuille du classeur"
          description="Le classeur en a plusieurs : choisissez celle qui contient ces lignes."
          data={preview.sheets}
          value={preview.sheet}
          allowDeselect={false}
          w={320}
          onChange={(value) => value && wizard.setSheet(value)}
        />
      )}

      <DateField
        label="Date de reprise des comptes"
        description="Le jour où les comptes de l’ancien logiciel ont été arrêtés (exemple : 10/04/2026). Obligatoire si le fichier contient des soldes."
        width={320}
        value={wizard.cutoverDate}
        error={wizard.dateError}
        onChange={wizard.setCutoverDate}
      />

      <Group>
        <Button disabled={!preview} loading={wizard.busy} onClick={wizard.toColumns}>
          Suivant : les colonnes
        </Button>
      </Group>
    </Stack>
  );
}
