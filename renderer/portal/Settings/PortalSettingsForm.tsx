import { Alert, Badge, Button, Checkbox, Group, Loader, NumberInput, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PortalHostState } from '../../../core/bridge';
import { portalSettingsInput } from '../../../core/portal/portal-settings';
import { useApi, useHost } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { parseWholeNumber } from '../../settings/form/labels';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';

const ID = 'portal-settings';
const LABELS = { weeksAhead: 'Semaines à venir', includeInvoicePdfs: 'Joindre les factures PDF', pushUrl: 'Adresse d’envoi (HTTPS)' };

interface Values {
  weeksAhead: number | string;
  includeInvoicePdfs: boolean;
  pushUrl: string;
}

const STORAGE_HELP: Record<PortalHostState['tokenStorage'], string> = {
  keychain: 'Chiffré par le trousseau du système sur ce poste, jamais dans la base.',
  memory: 'Gardé en mémoire jusqu’à l’arrêt de Paniers (version web), jamais dans la base.',
  unavailable: 'Le trousseau du système n’est pas disponible sur ce poste : le jeton ne peut pas être enregistré.',
};

/** The export settings (weeks ahead, PDFs, push address) and the push token, which is never shown back. */
export function PortalSettingsForm({ folderState, readOnly, onToken }: { folderState: PortalHostState | undefined; readOnly: boolean; onToken(next: PortalHostState): void }) {
  const api = useApi();
  const host = useHost();
  const saved = useApiQuery('portal-settings-get', {});
  const [values, setValues] = useState<Values | null>(null);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [savingToken, setSavingToken] = useState(false);
  const form = useSubmit({
    idPrefix: ID,
    schema: portalSettingsInput,
    labels: LABELS,
    failureTitle: 'Réglages du portail non enregistrés',
    successMessage: 'Réglages du portail enregistrés',
    send: (input: { weeksAhead: number; includeInvoicePdfs: boolean; pushUrl: string }) => api.call('portal-settings-update', input),
  });

  useEffect(() => {
    if (saved.data) setValues({ weeksAhead: saved.data.weeksAhead, includeInvoicePdfs: saved.data.includeInvoicePdfs, pushUrl: saved.data.pushUrl });
  }, [saved.data]);

  if (saved.error) return <Alert color="red" title="Les réglages du portail n’ont pas pu être lus">{saved.error.message}</Alert>;
  if (!values) return <Loader size="sm" aria-label="Chargement des réglages du portail" />;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    form.clearError(key);
  };

  const submit = async () => {
    const weeks = parseWholeNumber(values.weeksAhead);
    const local: Record<string, string> = weeks === null || weeks === undefined ? { weeksAhead: 'Entre 1 et 26 semaines.' } : {};
    await form.submit({ weeksAhead: weeks ?? 0, includeInvoicePdfs: values.includeInvoicePdfs, pushUrl: values.pushUrl.trim() }, local);
  };

  const saveToken = async (next: string) => {
    setSavingToken(true);
    try {
      onToken(await host.portal.setToken(next));
      setToken('');
      setTokenError(null);
      notifySuccess(next ? 'Jeton du portail enregistré.' : 'Jeton du portail oublié.');
    } catch (error) {
      const fields = (error as { fields?: Record<string, string> }).fields;
      if (fields?.token) setTokenError(fields.token);
      else notifyError(error, 'Le jeton n’a pas été enregistré');
    } finally {
      setSavingToken(false);
    }
  };

  const storage = folderState?.tokenStorage ?? 'memory';
  return (
    <Stack gap="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <NumberInput
              id={fieldDomId(ID, 'weeksAhead')}
              label={LABELS.weeksAhead}
              description="Livraisons à venir montrées à chaque adhérent."
              min={1}
              max={26}
              value={values.weeksAhead}
              onChange={(value) => set('weeksAhead', value)}
              error={form.errors.weeksAhead}
              disabled={readOnly}
            />
            <TextInput
              id={fieldDomId(ID, 'pushUrl')}
              label={LABELS.pushUrl}
              description="Facultatif : laissez vide si le portail lit le dossier lui-même."
              placeholder="https://portail.exemple.fr/import"
              value={values.pushUrl}
              onChange={(event) => set('pushUrl', event.currentTarget.value)}
              error={form.errors.pushUrl}
              disabled={readOnly}
            />
          </Group>
          <Checkbox
            id={fieldDomId(ID, 'includeInvoicePdfs')}
            label="Joindre les factures en PDF (dossier « factures »)"
            checked={values.includeInvoicePdfs}
            onChange={(event) => set('includeInvoicePdfs', event.currentTarget.checked)}
            disabled={readOnly}
          />
          <Group>
            <Button type="submit" variant="default" loading={form.submitting} disabled={readOnly}>
              Enregistrer les réglages
            </Button>
          </Group>
        </Stack>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveToken(token);
        }}
      >
        <Group align="flex-end">
          <PasswordInput
            id={fieldDomId(ID, 'token')}
            label={
              <Group gap="xs" component="span">
                Jeton du portail
                {folderState?.tokenSaved && (
                  <Badge size="sm" color="leaf" variant="light">
                    jeton enregistré
                  </Badge>
                )}
              </Group>
            }
            description={STORAGE_HELP[storage]}
            placeholder={folderState?.tokenSaved ? 'Collez un nouveau jeton pour le remplacer' : 'Collez le jeton donné par le portail'}
            value={token}
            onChange={(event) => {
              setToken(event.currentTarget.value);
              setTokenError(null);
            }}
            error={tokenError}
            autoComplete="off"
            disabled={storage === 'unavailable'}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" loading={savingToken} disabled={!token.trim() || storage === 'unavailable'}>
            Enregistrer le jeton
          </Button>
          {folderState?.tokenSaved && (
            <Button variant="subtle" color="red" onClick={() => void saveToken('')} disabled={savingToken}>
              Oublier le jeton
            </Button>
          )}
        </Group>
      </form>
    </Stack>
  );
}
