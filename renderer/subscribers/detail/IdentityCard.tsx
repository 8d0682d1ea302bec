import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';
import { PAYMENT_METHOD_LABELS, type Subscriber } from '../../../core/subscribers/subscribers';
import { formatIban } from '../../../core/validation/bank';
import { useApiQuery } from '../../api/use-api-query';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** What the office reads on the phone: how to reach the person, how they pay. */
export function IdentityCard({ subscriber: s }: { subscriber: Subscriber }) {
  const types = useApiQuery('membership-type-list', { includeArchived: true });
  const type = types.data?.find((t) => t.id === s.membershipTypeId);
  const phones = [s.phone, s.phone2, s.phone3].filter(Boolean).join(' · ');
  const address = [s.addressLine1, s.addressLine2, [s.postcode, s.city].filter(Boolean).join(' ')].filter(Boolean);
  const flags = [s.isEmployee && 'Salarié', s.isSupporter && 'Soutien', s.membershipExempt && 'Exonéré de cotisation'].filter(Boolean) as string[];
  return (
    <Paper withBorder p="md" component="section" aria-label="Coordonnées et règlement">
      <Title order={2} fz="h4" mb="sm">
        Coordonnées
      </Title>
      <Stack gap="sm">
        <Line label="Adresse">
          {address.map((line) => (
            <span key={line} style={{ display: 'block' }}>
              {line}
            </span>
          ))}
        </Line>
        <SimpleGrid cols={2} spacing="sm">
          <Line label="Téléphone">{phones}</Line>
          <Line label="E-mail">{s.email}</Line>
          {s.birthDate && <Line label="Date de naissance">{formatDateFr(s.birthDate as IsoDate, 'd MMMM yyyy')}</Line>}
          <Line label="Cotisation">{s.membershipExempt ? 'Exonéré' : type ? `${type.label} (${formatEuros(type.amountCents)})` : ''}</Line>
        </SimpleGrid>
        {flags.length > 0 && (
          <Group gap={6}>
            {flags.map((flag) => (
              <Badge key={flag} variant="outline" color="gray">
                {flag}
              </Badge>
            ))}
          </Group>
        )}
        <Title order={3} fz="h5" mt="xs">
          Règlement : {PAYMENT_METHOD_LABELS[s.paymentMethod]}
        </Title>
        {s.paymentMethod === 'sepa' && (
          <SimpleGrid cols={2} spacing="sm">
            <div style={{ gridColumn: '1 / -1' }}>
              <Line label="IBAN">
                <span style={{ fontFamily: 'monospace' }}>{s.iban ? formatIban(s.iban) : ''}</span>
              </Line>
            </div>
            <Line label="BIC">{s.bic}</Line>
            <Line label="Référence du mandat (RUM)">{s.mandateRum}</Line>
            <Line label="Mandat signé le">{s.mandateSignedOn ? formatDateFr(s.mandateSignedOn as IsoDate, 'd MMMM yyyy') : ''}</Line>
          </SimpleGrid>
        )}
        {s.notes && <Line label="Notes">{s.notes}</Line>}
      </Stack>
    </Paper>
  );
}
