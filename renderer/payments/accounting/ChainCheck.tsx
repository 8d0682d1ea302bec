import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';

/** « Vérifier l’intégrité du journal »: every money movement is chained to the previous one; this walks the chain. */
export function ChainCheck() {
  const api = useApi();
  const [result, setResult] = useState<OutputOf<'ledger-chain-check'> | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      setResult(await api.call('ledger-chain-check', {}));
    } catch (error) {
      notifyError(error, 'La vérification n’a pas abouti');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={3} fz="h5">
          Intégrité du journal
        </Title>
        <Text size="sm" c="dimmed">
          Chaque écriture des comptes adhérents porte une empreinte qui dépend de la précédente : une écriture modifiée ou supprimée hors de Paniers se voit ici.
        </Text>
        <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={busy} onClick={() => void check()}>
          Vérifier l’intégrité du journal
        </Button>
        {result && (
          <Alert
            w="100%"
            color={result.ok ? 'leaf' : 'red'}
            icon={result.ok ? <IconShieldCheck /> : <IconAlertTriangle />}
            role={result.ok ? 'status' : 'alert'}
          >
            {result.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
