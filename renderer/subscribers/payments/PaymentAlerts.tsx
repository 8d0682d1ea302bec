import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileAlert, IconWallet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { cents, formatEuros } from '../../../core/money/money';
import type { Subscriber } from '../../../core/subscribers/subscribers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { notifyError, notifySuccess } from '../../notify/notify';
import { toFormValues, toSubscriberInput } from '../form/subscriber-values';

const RETURN_VERBS = { reject: 'rejeté', return: 'retourné', refund: 'remboursé à l’adhérent' } as const;

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What needs the office's attention about money, at the top of the subscriber's page, only when
 * it applies: an open SEPA reject, a low balance for a cheque payer, a mandate that no longer
 * (or soon no longer) allows debits. `version` changes when money moved elsewhere on the page.
 */
export function PaymentAlerts({ subscriber: s, readOnly, version, onSubscriberChanged }: { subscriber: Subscriber; readOnly: boolean; version: number; onSubscriberChanged(): void }) {
  const api = useApi();
  const returns = useApiQuery('sepa-return-list', { subscriberId: s.id });
  const low = useApiQuery('low-balance-get', { subscriberId: s.id });
  const mandates = useApiQuery('mandate-list', { subscriberId: s.id });
  const [confirmSwitch, setConfirmSwitch] = useState(false);

  const { reload: reloadReturns } = returns;
  const { reload: reloadLow } = low;
  const { reload: reloadMandates } = mandates;
  useEffect(() => {
    if (version > 0) void Promise.all([reloadReturns(), reloadLow(), reloadMandates()]);
  }, [version, reloadReturns, reloadLow, reloadMandates]);

  const open = returns.data?.returns ?? [];
  const mandate = s.paymentMethod === 'sepa' && s.mandateRum ? mandates.data?.mandates.find((m) => m.subscriberId === s.id) : undefined;
  const mandateProblem = mandate && (mandate.status === 'revoked' || mandate.status === 'lapsed' || mandate.status === 'lapsing') ? mandate : undefined;
  const lowBalance = s.paymentMethod === 'cheque' ? low.data : null;
  if (open.length === 0 && !lowBalance && !mandateProblem) return null;

  async function switchToCheque() {
    try {
      // subscriber-update takes the whole record: the form's own conversion keeps every other field.
      await api.call('subscriber-update', { ...toSubscriberInput({ ...toFormValues(s), paymentMethod: 'cheque' }), id: s.id });
      notifySuccess('Règlement par chèque enregistré sur la fiche');
      onSubscriberChanged();
    } catch (error) {
      notifyError(error, 'Mode de règlement inchangé');
    }
  }

  return (
    <Stack gap="xs" aria-label="Alertes de règlement" component="section">
      {open.map((r) => (
        <Alert key={r.debitId} color="orange" variant="light" icon={<IconFileAlert />} title={`Prélèvement ${RETURN_VERBS[r.kind]} le ${formatDateShortFr(r.date)}`}>
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm">
                {r.code} : {lower(r.codeLabel)} — facture {r.invoiceNumber}, {formatEuros(r.amountCents)}.
              </Text>
              <Text size="sm" c="dimmed">
                {s.paymentMethod === 'sepa'
                  ? 'La facture sera présentée de nouveau au prochain prélèvement, sauf si l’adhérent règle autrement.'
                  : 'L’adhérent ne paie plus par prélèvement : attendez son règlement (chèque, virement…).'}
              </Text>
            </Stack>
            {s.paymentMethod === 'sepa' && !readOnly && (
              <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => setConfirmSwitch(true)}>
                Passer au paiement par chèque
              </Button>
            )}
          </Group>
        </Alert>
      ))}
      {lowBalance && (
        <Alert color="yellow" variant="light" icon={<IconWallet />} title="Solde bas">
          <Text size="sm">
            Solde prévu au {formatDateShortFr(lowBalance.periodEnd as IsoDate)} :{' '}
            {lowBalance.expectedBalanceCents < 0
              ? `${formatEuros(cents(-lowBalance.expectedBalanceCents))} à régler`
              : formatEuros(lowBalance.expectedBalanceCents)}{' '}
            (seuil {formatEuros(lowBalance.thresholdCents)}) — demandez de nouveaux chèques
            {lowBalance.quarterly ? ` (trimestre : ${formatEuros(lowBalance.quarterly.amountCents)})` : ''}.
          </Text>
        </Alert>
      )}
      {mandateProblem && (
        <Alert color={mandateProblem.status === 'lapsing' ? 'yellow' : 'orange'} variant="light" icon={<IconAlertTriangle />} title={`Mandat SEPA ${mandateProblem.rum} : ${lower(mandateProblem.statusLabel)}`}>
          <Text size="sm">
            {mandateProblem.status === 'revoked'
              ? `Révoqué le ${formatDateShortFr(mandateProblem.revokedOn as IsoDate)} : plus aucun prélèvement possible. Faites signer un nouveau mandat ou changez de mode de règlement.`
              : mandateProblem.status === 'lapsed'
                ? `Aucun prélèvement depuis 36 mois : le mandat n’est plus valable depuis le ${formatDateShortFr(mandateProblem.lapsesOn as IsoDate)}. Faites signer un nouveau mandat.`
                : `Sans prélèvement d’ici le ${formatDateShortFr(mandateProblem.lapsesOn as IsoDate)}, le mandat deviendra caduc (36 mois sans prélèvement).`}
          </Text>
        </Alert>
      )}
      <ConfirmDialog
        opened={confirmSwitch}
        title="Passer au paiement par chèque ?"
        message={`Les prochaines factures de ${s.firstName ? `${s.firstName} ` : ''}${s.lastName} ne seront plus prélevées : elles seront réglées par chèque. Le mandat reste enregistré sur la fiche.`}
        confirmLabel="Passer au chèque"
        onConfirm={switchToCheque}
        onClose={() => setConfirmSwitch(false)}
      />
    </Stack>
  );
}
