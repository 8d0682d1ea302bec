import { Alert, Button, Group, Loader, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, Input } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatEuros, MoneyError, parseEuros } from '../../../core/money/money';
import { PAYMENT_SETTINGS_LABELS, paymentSettingsInput, type PaymentSettings } from '../../../core/payments/payment-settings';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { parseWholeNumber } from '../form/labels';
import { fieldDomId, useSubmit } from '../form/use-submit';

const ID = 'payment-settings';
const LABELS: Readonly<Record<string, string>> = PAYMENT_SETTINGS_LABELS;

type AccountKey = keyof PaymentSettings['accounts'];
type JournalKey = keyof PaymentSettings['journals'];

interface Values extends Omit<PaymentSettings, 'prenotificationDays' | 'collectionDay' | 'lowBalanceThresholdCents'> {
  prenotificationDays: number | string;
  collectionDay: number | string;
  /** Typed in euros (« 50 », « 37,50 »), sent in cents. */
  lowBalanceThreshold: string;
}

const ACCOUNT_KEYS: AccountKey[] = ['customers', 'sales', 'membership', 'vat', 'bank', 'cheques', 'cash', 'opening'];
const JOURNAL_KEYS: JournalKey[] = ['sales', 'bank', 'opening'];

const PAIN_HELP: Record<PaymentSettings['painVersion'], string> = {
  '001.08': 'Le format actuel, accepté par toutes les banques françaises depuis novembre 2023. Gardez-le sauf demande de votre banque.',
  '001.02': 'L’ancien format : seulement si votre banque refuse le fichier en 001.08.',
};
const SEQUENCE_HELP: Record<PaymentSettings['firstSequenceType'], string> = {
  RCUR: 'Tous les prélèvements sont « récurrents », y compris le premier d’un mandat : la règle SEPA depuis novembre 2016.',
  FRST: 'Le premier prélèvement de chaque mandat est marqué « premier » : seulement si votre banque l’exige encore.',
};

function toValues(s: PaymentSettings): Values {
  return { ...s, lowBalanceThreshold: formatEuros(s.lowBalanceThresholdCents, { symbol: false }) };
}

/** Paramètres → Règlements: the SEPA file and calendar, the low-balance alert, the accountant's accounts and journals. */
export function PaymentSettingsForm({ readOnly }: { readOnly: boolean }) {
  const api = useApi();
  const saved = useApiQuery('payment-settings-get', {});
  const [values, setValues] = useState<Values | null>(null);
  const form = useSubmit({
    idPrefix: ID,
    schema: paymentSettingsInput,
    labels: LABELS,
    failureTitle: 'Réglages des règlements non enregistrés',
    successMessage: 'Réglages des règlements enregistrés',
    send: (input: PaymentSettings) => api.call('payment-settings-update', input),
  });

  useEffect(() => {
    if (saved.data) setValues(toValues(saved.data));
  }, [saved.data]);

  if (saved.error) return <Alert color="red" title="Les réglages des règlements n’ont pas pu être lus">{saved.error.message}</Alert>;
  if (!values) return <Loader size="sm" aria-label="Chargement des réglages des règlements" />;

  function set<K extends keyof Values>(key: K, value: Values[K], errorKey: string = key) {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    form.clearError(errorKey);
  }
  const setAccount = (key: AccountKey, value: string) => set('accounts', { ...values.accounts, [key]: value }, `accounts.${key}`);
  const setJournal = (key: JournalKey, value: string) => set('journals', { ...values.journals, [key]: value }, `journals.${key}`);

  async function submit() {
    const local: Record<string, string> = {};
    const number = (text: number | string, key: string, message: string) => {
      const n = parseWholeNumber(text);
      if (n === null || n === undefined) local[key] = message;
      return n ?? 0;
    };
    const prenotificationDays = number(values!.prenotificationDays, 'prenotificationDays', 'Indiquez un nombre de jours entre 1 et 60.');
    const collectionDay = number(values!.collectionDay, 'collectionDay', 'Un jour du mois entre 1 et 28.');
    let lowBalanceThresholdCents = 0;
    try {
      lowBalanceThresholdCents = parseEuros(values!.lowBalanceThreshold);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      local.lowBalanceThresholdCents = error.message;
    }
    const { lowBalanceThreshold: _typed, ...rest } = values!;
    const done = await form.submit({ ...rest, prenotificationDays, collectionDay, lowBalanceThresholdCents: lowBalanceThresholdCents as PaymentSettings['lowBalanceThresholdCents'] }, local);
    if (done) await saved.reload();
  }

  const textField = (key: string, value: string, onChange: (value: string) => void, placeholder: string) => (
    <TextInput
      key={key}
      id={fieldDomId(ID, key)}
      label={LABELS[key]}
      placeholder={placeholder}
      disabled={readOnly}
      value={value}
      error={form.errors[key]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );

  return (
    <form
      noValidate
      aria-label="Réglages des règlements"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-label="Prélèvements SEPA">
          <Title order={2} fz="h4" mb="md">
            Prélèvements SEPA
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              id={fieldDomId(ID, 'prenotificationDays')}
              label={LABELS.prenotificationDays}
              description="Jours entre la facture (qui prévient l’adhérent) et le prélèvement. La règle SEPA : 14."
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              disabled={readOnly}
              value={values.prenotificationDays}
              error={form.errors.prenotificationDays}
              onChange={(value) => set('prenotificationDays', value)}
            />
            <NumberInput
              id={fieldDomId(ID, 'collectionDay')}
              label={LABELS.collectionDay}
              description="Le jour du mois proposé pour prélever (reporté au jour ouvré suivant)."
              min={1}
              max={28}
              allowDecimal={false}
              allowNegative={false}
              disabled={readOnly}
              value={values.collectionDay}
              error={form.errors.collectionDay}
              onChange={(value) => set('collectionDay', value)}
            />
            <Input.Wrapper label={LABELS.painVersion} description={PAIN_HELP[values.painVersion]} error={form.errors.painVersion}>
              <SegmentedControl
                id={fieldDomId(ID, 'painVersion')}
                aria-label={LABELS.painVersion}
                display="flex"
                mt={4}
                disabled={readOnly}
                value={values.painVersion}
                onChange={(value) => set('painVersion', value as Values['painVersion'])}
                data={[
                  { value: '001.08', label: 'pain.008.001.08' },
                  { value: '001.02', label: 'pain.008.001.02' },
                ]}
              />
            </Input.Wrapper>
            <Input.Wrapper label={LABELS.firstSequenceType} description={SEQUENCE_HELP[values.firstSequenceType]} error={form.errors.firstSequenceType}>
              <SegmentedControl
                id={fieldDomId(ID, 'firstSequenceType')}
                aria-label={LABELS.firstSequenceType}
                display="flex"
                mt={4}
                disabled={readOnly}
                value={values.firstSequenceType}
                onChange={(value) => set('firstSequenceType', value as Values['firstSequenceType'])}
                data={[
                  { value: 'RCUR', label: 'RCUR (récurrent)' },
                  { value: 'FRST', label: 'FRST (premier)' },
                ]}
              />
            </Input.Wrapper>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-label="Chèques">
          <Title order={2} fz="h4" mb="md">
            Chèques
          </Title>
          <TextInput
            id={fieldDomId(ID, 'lowBalanceThresholdCents')}
            label={LABELS.lowBalanceThresholdCents}
            description="Sous ce solde, un adhérent qui paie par chèque est signalé pour lui demander de nouveaux chèques."
            rightSection={<Text size="sm" c="dimmed">€</Text>}
            maw={320}
            disabled={readOnly}
            value={values.lowBalanceThreshold}
            error={form.errors.lowBalanceThresholdCents}
            onChange={(event) => set('lowBalanceThreshold', event.currentTarget.value, 'lowBalanceThresholdCents')}
          />
        </Paper>
        <Paper withBorder p="lg" component="section" aria-label="Comptabilité">
          <Title order={2} fz="h4">
            Comptabilité
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Les comptes et journaux de l’export pour votre comptable. Demandez-lui ses numéros s’ils diffèrent.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            {ACCOUNT_KEYS.map((key) => textField(`accounts.${key}`, values.accounts[key], (v) => setAccount(key, v), '411000'))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="md">
            {JOURNAL_KEYS.map((key) => textField(`journals.${key}`, values.journals[key], (v) => setJournal(key, v), 'BQ'))}
          </SimpleGrid>
        </Paper>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} disabled={readOnly}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
