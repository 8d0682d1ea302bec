import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ClosureImpact } from '../../../core/deliveries/closure-handlers';
import type { InputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import { plural } from '../week-groups';
import { downloadAffected } from './affected-csv';
import { ClosurePreview } from './ClosurePreview';

type ClosureInput = InputOf<'closure-create'>;
type Values = { scope: string; gardenId: string; depotId: string; fromDate: string; toDate: string; label: string };

const EMPTY: Values = { scope: 'organisation', gardenId: '', depotId: '', fromDate: '', toDate: '', label: '' };

const SCOPES = [
  { value: 'organisation', label: 'Toute l’association' },
  { value: 'garden', label: 'Un jardin' },
  { value: 'depot', label: 'Un dépôt' },
];

function toInput(v: Values): ClosureInput {
  return {
    scope: v.scope as ClosureInput['scope'],
    gardenId: v.scope === 'garden' && v.gardenId ? Number(v.gardenId) : null,
    depotId: v.scope === 'depot' && v.depotId ? Number(v.depotId) : null,
    fromDate: v.fromDate,
    toDate: v.toDate,
    label: v.label,
  };
}

/**
 * « Nouvelle fermeture »: the first Enter (or « Voir l’effet ») previews what the closure
 * removes; saving is possible only once the preview matches what is typed. Nothing is saved
 * on cancel. Once saved, the affected subscribers can be exported to notify them.
 */
export function ClosureDialog({ opened, onClose, onSaved }: { opened: boolean; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const gardens = useApiQuery('garden-list', {});
  const depots = useApiQuery('depot-list', {});
  const [preview, setPreview] = useState<{ key: string; impact: ClosureImpact } | null>(null);
  const [saved, setSaved] = useState<{ input: ClosureInput; impact: ClosureImpact } | null>(null);
  const form = useDialogForm<Values>({
    initial: EMPTY,
    toInput,
    submit: async (raw) => {
      const input = raw as ClosureInput;
      const key = JSON.stringify(input);
      if (preview?.key !== key) {
        setPreview({ key, impact: await api.call('closure-preview', input) });
        return;
      }
      await api.call('closure-create', input);
      notifySuccess(`Fermeture « ${input.label.trim()} » enregistrée`);
      setSaved({ input, impact: preview.impact });
      onSaved();
    },
  });
  const { reset, values } = form;
  const current = JSON.stringify(toInput(values));
  const previewed = preview !== null && preview.key === current;

  useEffect(() => {
    if (!opened) return;
    reset(EMPTY);
    setPreview(null);
    setSaved(null);
  }, [opened, reset]);

  const title = saved ? 'Fermeture enregistrée' : 'Nouvelle fermeture';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" centered>
      {saved ? (
        <Stack gap="md">
          <Alert color="leaf" icon={<IconCheck />}>
            « {saved.input.label.trim()} » est enregistrée : {plural(saved.impact.basketsRemoved, 'panier retiré', 'paniers retirés')},{' '}
            {plural(saved.impact.subscribers.length, 'adhérent concerné', 'adhérents concernés')}.
          </Alert>
          <Text size="sm">Prévenez les adhérents : exportez leur liste (noms, e-mails, téléphones) pour votre messagerie ou un publipostage.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
            <Button leftSection={<IconFileSpreadsheet size={16} />} disabled={saved.impact.subscribers.length === 0} onClick={() => downloadAffected(saved.input, saved.impact.subscribers)} data-autofocus>
              Exporter les adhérents concernés
            </Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate aria-label="Nouvelle fermeture" onSubmit={(event) => void form.handleSubmit(event)}>
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Qui ferme ?
              </Text>
              <SegmentedControl aria-label="Portée" data={SCOPES} value={values.scope} onChange={(value) => form.setField('scope', value)} />
              {form.errors.scope && (
                <Text size="xs" c="red">
                  {form.errors.scope}
                </Text>
              )}
            </Stack>
            {values.scope === 'garden' && (
              <Select
                label="Jardin"
                withAsterisk
                placeholder="Choisissez le jardin"
                data={(gardens.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
                value={values.gardenId || null}
                error={form.errors.gardenId}
                onChange={(value) => form.setField('gardenId', value ?? '')}
              />
            )}
            {values.scope === 'depot' && (
              <Select
                label="Dépôt"
                withAsterisk
                searchable
                placeholder="Choisissez le dépôt"
                data={(depots.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.gardenName})` }))}
                value={values.depotId || null}
                error={form.errors.depotId}
                onChange={(value) => form.setField('depotId', value ?? '')}
              />
            )}
            <SimpleGrid cols={2}>
              <DateField label="Du" required autoFocus value={values.fromDate} error={form.errors.fromDate} onChange={(v) => form.setField('fromDate', v)} />
              <DateField label="Au" required value={values.toDate} error={form.errors.toDate} onChange={(v) => form.setField('toDate', v)} />
            </SimpleGrid>
            <TextInput
              label="Libellé"
              withAsterisk
              placeholder="ex. Coupure de printemps de Pont-Scorff"
              description="Affiché sur l’écran Semaine et dans les livraisons à venir des adhérents."
              value={values.label}
              error={form.errors.label}
              onChange={(event) => form.setField('label', event.currentTarget.value)}
            />
            {previewed && <ClosurePreview impact={preview.impact} />}
            {preview && !previewed && (
              <Text size="sm" c="dimmed">
                Vous avez modifié la fermeture : revoyez son effet avant de l’enregistrer.
              </Text>
            )}
            {form.formError && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {form.formError}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Annuler
              </Button>
              {previewed ? (
                <Button type="submit" loading={form.submitting}>
                  Enregistrer la fermeture
                </Button>
              ) : (
                <Button type="submit" loading={form.submitting}>
                  Voir l’effet
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
