import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAppState } from '../state/app-store';
import { DiscoveryEndingPanel } from './list/DiscoveryEndingPanel';
import { SubscriptionList } from './list/SubscriptionList';

/** Abonnements: Découverte offers to renew first, then every subscription. */
export function SubscriptionsPage() {
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          Abonnements
        </Title>
        <Text size="sm" c="dimmed">
          Un abonnement se crée et se modifie depuis la fiche de l’adhérent : cliquez sur une ligne pour l’ouvrir.
        </Text>
      </div>
      <DiscoveryEndingPanel readOnly={readOnly} onOpenSubscriber={openSubscriber} onChanged={() => setVersion((v) => v + 1)} />
      <SubscriptionList version={version} onOpenSubscriber={openSubscriber} />
    </Stack>
  );
}
