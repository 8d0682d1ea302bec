import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconUsers } from '@tabler/icons-react';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useAppState } from '../../state/app-store';
import { plural, type ImportResult } from './import-text';
import { ReportButtons } from './ReportButtons';

/** Step 4 « Import »: what was done, and where to look at it. */
export function ResultStep({ result, onRestart }: { result: ImportResult; onRestart(): void }) {
  const navigate = useAppState((s) => s.navigate);
  const { summary } = result;
  const { counts } = summary;
  const parts = [
    counts.subscribersNew > 0 && plural(counts.subscribersNew, 'nouvel adhérent', 'nouveaux adhérents'),
    counts.subscriptions > 0 && plural(counts.subscriptions, 'abonnement créé', 'abonnements créés'),
    summary.updated > 0 && plural(summary.updated, 'adhérent mis à jour', 'adhérents mis à jour'),
    counts.subscribersMatched > 0 && summary.updated === 0 && plural(counts.subscribersMatched, 'adhérent déjà connu', 'adhérents déjà connus'),
    counts.cheques > 0 && plural(counts.cheques, 'chèque enregistré (à remettre à sa date dans Règlements)', 'chèques enregistrés (à remettre à leurs dates dans Règlements)'),
  ].filter(Boolean);
  const hasBalances = summary.creditCount + summary.debtCount > 0;

  return (
    <Stack gap="md">
      <Alert maw={820} color="leaf" icon={<IconCircleCheck />} title={`Import n° ${result.importId} terminé`}>
        <Stack gap={4}>
          <Text size="sm">{parts.length > 0 ? `${parts.join(', ')}.` : `${plural(summary.rows, 'ligne importée', 'lignes importées')}.`}</Text>
          {hasBalances && (
            <Text size="sm">
              Soldes à la reprise : {plural(summary.creditCount, 'avance', 'avances')} pour {formatEuros(summary.creditCents as Cents)},{' '}
              {plural(summary.debtCount, 'dette', 'dettes')} pour {formatEuros(summary.debtCents as Cents)}.
            </Text>
          )}
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button leftSection={<IconUsers size={16} />} onClick={() => navigate('subscribers')}>
          Voir les adhérents
        </Button>
        <ReportButtons importId={result.importId} />
        <Button variant="subtle" onClick={onRestart}>
          Importer un autre fichier
        </Button>
      </Group>
    </Stack>
  );
}
