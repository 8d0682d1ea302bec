import { AccountCard } from './AccountCard';
import { DataExportButton } from './DataExportButton';
import { Alert, Anchor, Button, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArrowLeft, IconArchiveOff, IconBasketPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { fromLocalDate } from '../../../core/dates/dates';
import { displayName, type Subscriber } from '../../../core/subscribers/subscribers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { NewSubscriptionDialog } from '../../subscriptions/dialogs/NewSubscriptionDialog';
import { SubscriptionCard } from '../../subscriptions/SubscriptionCard/SubscriptionCard';
import { UpcomingDeliveries } from '../deliveries/UpcomingDeliveries';
import { SubscriberForm } from '../form/SubscriberForm';
import { PaymentAlerts } from '../payments/PaymentAlerts';
import { SubscriberStatusBadge } from '../StatusBadge';
import { IdentityCard } from './IdentityCard';

/** A subscriber's page: payment alerts, identity, next deliveries, account and cheques, subscriptions with their history. */
export function SubscriberPage({ id, readOnly, onBack }: { id: number; readOnly: boolean; onBack(): void }) {
  const api = useApi();
  const subscriber = useApiQuery('subscriber-get', { id });
  const subscriptions = useApiQuery('subscription-list-for-subscriber', { subscriberId: id });
  const deliveries = useApiQuery('subscriber-upcoming-deliveries', { subscriberId: id, weeks: 8 });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Bumped when money moves on the page: the alerts and the account read again.
  const [paymentsVersion, setPaymentsVersion] = useState(0);
  const moneyMoved = () => setPaymentsVersion((v) => v + 1);
  const today = fromLocalDate(new Date());

  const reloadAll = () => Promise.all([subscriber.reload(), subscriptions.reload(), deliveries.reload()]);

  if (subscriber.error) {
    return (
      <Stack>
        <Anchor component="button" onClick={onBack}>
          ← Retour à la liste des adhérents
        </Anchor>
        <Alert color="red" icon={<IconAlertCircle />} title="Fiche introuvable">
          {subscriber.error.message}
        </Alert>
      </Stack>
    );
  }
  const s = subscriber.data;
  if (!s) return <Loader aria-label="Chargement de la fiche" />;
  const subs = subscriptions.data ?? [];
  const archived = s.archivedAt !== null;

  async function archive(value: boolean) {
    try {
      await api.call('subscriber-archive', { id, archived: value });
      notifySuccess(value ? 'Fiche archivée' : 'Fiche réactivée');
      await reloadAll();
    } catch (error) {
      notifyError(error, value ? 'Fiche non archivée' : 'Fiche non réactivée');
    }
  }

  async function remove() {
    try {
      await api.call('subscriber-delete', { id });
      notifySuccess(`Fiche de ${displayName(s!)} supprimée`);
      onBack();
    } catch (error) {
      // Refused when history exists: the backend says so, and to archive instead.
      setConfirmDelete(false);
      notifyError(error, 'Fiche non supprimée');
    }
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component="button" size="sm" onClick={onBack}>
            <Group gap={4}>
              <IconArrowLeft size={14} /> Adhérents
            </Group>
          </Anchor>
          <Group gap="sm">
            <Title order={1} fz="h2">
              {s.civility && s.kind === 'person' ? `${s.civility} ` : ''}
              {displayName(s)}
            </Title>
            <SubscriberStatusBadge status={s.status} archived={archived} />
          </Group>
          <Text size="sm" c="dimmed">
            Adhérent n° {s.id}
            {s.kind === 'organisation' ? ' · structure' : ''}
          </Text>
        </Stack>
        {!readOnly && (
          <Group gap="sm">
            {!archived && (
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Modifier la fiche
              </Button>
            )}
            <Button variant="default" leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />} onClick={() => void archive(!archived)}>
              {archived ? 'Réactiver' : 'Archiver'}
            </Button>
            <DataExportButton subscriberId={s.id} />
            {subscriptions.data && subs.length === 0 && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)}>
                Supprimer
              </Button>
            )}
          </Group>
        )}
        {readOnly && <DataExportButton subscriberId={s.id} />}
      </Group>
      {archived && (
        <Alert color="gray" icon={<IconArchive />}>
          Fiche archivée : elle reste dans l’historique mais n’apparaît plus dans la liste. Réactivez-la pour la modifier.
        </Alert>
      )}
      <PaymentAlerts
        subscriber={s}
        readOnly={readOnly || archived}
        version={paymentsVersion}
        onSubscriberChanged={() => {
          void subscriber.reload();
          moneyMoved();
        }}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <IdentityCard subscriber={s} />
        <UpcomingDeliveries baskets={deliveries.data ?? []} subscriptions={subs} readOnly={readOnly} onChanged={() => void reloadAll()} />
      </SimpleGrid>
      <AccountCard subscriberId={s.id} drawerName={displayName(s)} readOnly={readOnly} version={paymentsVersion} onChanged={moneyMoved} />
      <Stack gap="sm" component="section" aria-label="Abonnements">
        <Group justify="space-between">
          <Title order={2} fz="h4">
            Abonnements
          </Title>
          {!readOnly && !archived && (
            <Button size="sm" leftSection={<IconBasketPlus size={16} />} onClick={() => setAdding(true)}>
              Nouvel abonnement
            </Button>
          )}
        </Group>
        {subscriptions.data && subs.length === 0 && (
          <Text c="dimmed" size="sm">
            {s.isSupporter ? 'Soutien de l’association, sans panier.' : 'Aucun abonnement. Ajoutez-en un avec « Nouvel abonnement ».'}
          </Text>
        )}
        {[...subs]
          .sort((a, b) => (a.status === 'ended') === (b.status === 'ended') ? b.startDate.localeCompare(a.startDate) : a.status === 'ended' ? 1 : -1)
          .map((sub) => (
            <SubscriptionCard key={sub.chainId} subscription={sub} today={today} readOnly={readOnly || archived} onChanged={() => void reloadAll()} />
          ))}
      </Stack>
      {editing && (
        <SubscriberForm
          subscriber={s}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void reloadAll();
          }}
        />
      )}
      {adding && (
        <NewSubscriptionDialog
          subscriberId={s.id}
          isEmployee={s.isEmployee}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            notifySuccess('Abonnement créé');
            void reloadAll();
          }}
        />
      )}
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="Supprimer la fiche ?" centered>
        <Text size="sm" mb="lg">
          La fiche de {displayName(s as Subscriber)} sera effacée définitivement. Seule une fiche sans historique (abonnement, livraison,
          règlement) peut l’être ; sinon, archivez-la.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            Garder la fiche
          </Button>
          <Button color="red" data-autofocus onClick={() => void remove()}>
            Supprimer définitivement
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
