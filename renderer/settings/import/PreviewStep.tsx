import { Alert, Button, Checkbox, FileButton, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { IconAlertTriangle, IconCircleCheck, IconCopy, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { formatDateShortFr, isIsoDate } from '../../../core/dates/dates';
import { toCsv } from '../../../core/export/csv';
import { formatEuros, type Cents } from '../../../core/money/money';
import { downloadText } from '../../shared/download';
import { ACCEPTED_FILES, formatInstantFr, plural, type ImportKind, type ImportPreview } from './import-text';
import type { ImportWizardState } from './use-import-wizard';

type CountKey = keyof ImportPreview['counts'];

const COUNT_LABELS: Record<CountKey, string> = {
  subscribersNew: 'Nouveaux adhérents',
  subscribersMatched: 'Adhérents déjà connus',
  subscriptions: 'Abonnements',
  depotsMatched: 'Dépôts reconnus',
  formulasMatched: 'Formules reconnues',
  cheques: 'Chèques',
};

const COUNTS_BY_KIND: Record<ImportKind, CountKey[]> = {
  members: ['subscribersNew', 'subscribersMatched', 'subscriptions', 'depotsMatched', 'formulasMatched'],
  balances: ['subscribersMatched'],
  cheques: ['subscribersMatched', 'cheques'],
};

/** Beyond this, the office fixes the first problems first: the whole list is in the CSV. */
const SHOWN_PROBLEMS = 300;

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function downloadProblems(preview: ImportPreview, fileName: string) {
  const csv = toCsv(
    [
      { header: 'Ligne', value: (p: ImportPreview['problems'][number]) => p.line },
      { header: 'Colonne', value: (p) => p.column },
      { header: 'Problème', value: (p) => p.message },
    ],
    preview.problems,
  );
  downloadText(`problemes-${fileName.replace(/\.[^.]+$/, '')}.csv`, csv);
}

/** Step 3 « Vérification »: what the import would do, and every problem with its line and column. */
export function PreviewStep({ wizard, readOnly }: { wizard: ImportWizardState; readOnly: boolean }) {
  const { preview, file, kind, mode } = wizard;
  const resetFile = useRef<() => void>(null);
  if (!preview || !file) return null;
  const { problems, balances, alreadyImported } = preview;
  const hasBalances = balances.creditCount + balances.debtCount > 0;
  const blockedByRepeat = alreadyImported !== null && mode === 'create';
  const canImport = problems.length === 0 && !blockedByRepeat && preview.rows > 0 && !readOnly;

  return (
    <Stack gap="md">
      <Text size="sm">
        <Text span fw={600}>
          {file.name}
        </Text>
        {preview.sheets.length > 1 && ` · feuille « ${preview.sheet} »`} · {plural(preview.rows, 'ligne', 'lignes')} sous l’en-tête
        {mode === 'update_contacts' && ' · mise à jour des coordonnées seulement'}
      </Text>

      {alreadyImported && (
        <Alert color="yellow" icon={<IconCopy />} title="Ce fichier a déjà été importé">
          <Stack gap="xs">
            <Text size="sm">
              Le même fichier a été importé le {formatInstantFr(alreadyImported.importedAt)} (« {alreadyImported.fileName} »). L’importer de nouveau doublerait les
              adhérents et les soldes : ce n’est pas possible.
            </Text>
            {kind === 'members' && (
              <Checkbox
                label="Mettre à jour les coordonnées seulement"
                description="Seules l’adresse, les téléphones et l’e-mail des adhérents reconnus seront mis à jour ; rien d’autre ne sera créé."
                checked={mode === 'update_contacts'}
                disabled={wizard.busy}
                onChange={(event) => wizard.setMode(event.currentTarget.checked ? 'update_contacts' : 'create')}
              />
            )}
          </Stack>
        </Alert>
      )}

      {problems.length > 0 && (
        <Text size="sm" c="dimmed">
          Sur les lignes sans problème :
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm" aria-label="Ce que l’import fera">
        {COUNTS_BY_KIND[kind].map((key) => (
          <Figure key={key} label={COUNT_LABELS[key]} value={new Intl.NumberFormat('fr-FR').format(preview.counts[key])} />
        ))}
      </SimpleGrid>

      {(hasBalances || kind === 'balances') && (
        <Stack gap={6} aria-label="Soldes à la reprise">
          <Title order={3} fz="h5">
            Soldes à la reprise{isIsoDate(wizard.cutoverDate) ? ` du ${formatDateShortFr(wizard.cutoverDate)}` : ''} — à comparer avec l’ancien logiciel
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" maw={900}>
            <Figure label="Avances (soldes positifs)" value={formatEuros(balances.creditCents as Cents)} hint={plural(balances.creditCount, 'adhérent', 'adhérents')} />
            <Figure label="Dettes (soldes négatifs)" value={formatEuros(balances.debtCents as Cents)} hint={plural(balances.debtCount, 'adhérent', 'adhérents')} />
            <Figure label="Solde net" value={formatEuros((balances.creditCents - balances.debtCents) as Cents)} hint="avances moins dettes" />
          </SimpleGrid>
        </Stack>
      )}

      {problems.length > 0 ? (
        <Stack gap="sm">
          <Alert color="red" icon={<IconAlertTriangle />} title={`${plural(problems.length, 'problème', 'problèmes')} dans le fichier`}>
            <Stack gap="sm">
              <Text size="sm">
                Rien ne sera importé tant que le fichier comporte des problèmes : corrigez le fichier (ou la correspondance des colonnes, ou la date de reprise)
                puis choisissez-le à nouveau.
              </Text>
              <Group gap="sm">
                <FileButton
          resetRef={resetFile}
          onChange={(picked) => {
            void wizard.chooseCorrected(picked);
            // The same file, corrected in Excel and chosen again, must fire a new change.
            resetFile.current?.();
          }} accept={ACCEPTED_FILES} inputProps={{ 'aria-label': 'Fichier corrigé' }}>
                  {(props) => (
                    <Button {...props} size="xs" variant="white" color="red" leftSection={<IconFileSpreadsheet size={14} />} loading={wizard.busy}>
                      Choisir le fichier corrigé…
                    </Button>
                  )}
                </FileButton>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconDownload size={14} />} onClick={() => downloadProblems(preview, file.name)}>
                  Liste des problèmes (CSV)
                </Button>
              </Group>
            </Stack>
          </Alert>
          <Table.ScrollContainer minWidth={600} maxHeight={420}>
            <Table stickyHeader striped verticalSpacing={4} aria-label="Problèmes du fichier">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Ligne</Table.Th>
                  <Table.Th w={200}>Colonne</Table.Th>
                  <Table.Th>Problème</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <Table.Tr key={`${p.line}-${p.field}-${i}`}>
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td>{p.column || '—'}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {problems.length > SHOWN_PROBLEMS && (
            <Text size="sm" c="dimmed">
              Les {SHOWN_PROBLEMS} premiers problèmes sont affichés ; la liste complète est dans le fichier « Liste des problèmes (CSV) ».
            </Text>
          )}
        </Stack>
      ) : (
        preview.rows > 0 &&
        !blockedByRepeat && (
          <Alert color="leaf" icon={<IconCircleCheck />} title="Aucun problème">
            Le fichier peut être importé. L’import est fait en une seule fois : tout ou rien.
          </Alert>
        )
      )}
      {preview.rows === 0 && problems.length === 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle />}>
          Aucune ligne sous l’en-tête : vérifiez la feuille choisie ou le fichier.
        </Alert>
      )}
      {readOnly && (
        <Text size="sm" c="orange">
          Base ouverte en lecture seule sur ce poste : l’import n’est pas possible.
        </Text>
      )}

      <Group>
        <Button variant="default" onClick={() => wizard.setStep(1)}>
          Retour aux colonnes
        </Button>
        <Button disabled={!canImport} loading={wizard.busy} onClick={() => void wizard.run()}>
          {mode === 'update_contacts' ? 'Mettre à jour les coordonnées' : `Importer ${plural(preview.rows, 'ligne', 'lignes')}`}
        </Button>
      </Group>
    </Stack>
  );
}
