import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ValidationError } from '../../../../core/api/errors';
import { formatDateFr, isIsoDate, type IsoDate } from '../../../../core/dates/dates';
import { useApiQuery } from '../../../api/use-api-query';
import { BasketsReport } from './BasketsReport';
import { CancellationsReport } from './CancellationsReport';
import { DepotsReport } from './DepotsReport';
import { PeriodPicker } from './PeriodPicker';
import { QUICK_PERIODS, type Period } from './periods';
import { RevenueReport } from './RevenueReport';
import { SubscribersReport } from './SubscribersReport';

/** Rapports: a period, then each figure of it with its chart and its CSV. */
export function ReportsPanel({ today }: { today: IsoDate }) {
  const [typed, setTyped] = useState<{ from: string; to: string }>(() => QUICK_PERIODS[0]!.period(today));
  // The last complete period typed is the one shown: a half-typed date keeps the figures on screen.
  const [period, setPeriod] = useState<Period>(() => QUICK_PERIODS[0]!.period(today));
  const { data, error, loading } = useApiQuery('report-get', period);
  const fieldErrors = error instanceof ValidationError ? error.fields : {};
  const typing = {
    from: typed.from !== '' && !isIsoDate(typed.from) ? 'Date à écrire jj/mm/aaaa' : undefined,
    to: typed.to !== '' && !isIsoDate(typed.to) ? 'Date à écrire jj/mm/aaaa' : undefined,
  };

  const change = (next: { from: string; to: string }) => {
    setTyped(next);
    if (isIsoDate(next.from) && isIsoDate(next.to)) setPeriod({ from: next.from, to: next.to });
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <PeriodPicker today={today} from={typed.from} to={typed.to} errors={{ from: typing.from ?? fieldErrors.from, to: typing.to ?? fieldErrors.to }} onChange={change} />
        {loading && <Loader size="xs" mb={8} aria-label="Calcul des rapports" />}
      </Group>
      {error && !(error instanceof ValidationError) && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les rapports n’ont pas pu être calculés">
          {error.message}
        </Alert>
      )}
      {data && !(error instanceof ValidationError) && (
        <>
          <Text size="sm" c="dimmed">
            Du {formatDateFr(data.from as IsoDate)} au {formatDateFr(data.to as IsoDate)} : livraisons validées et factures émises, comme la facturation les compte.
          </Text>
          <BasketsReport cells={data.basketsPerWeek} period={period} />
          <RevenueReport revenue={data.revenue} period={period} />
          <SubscribersReport subscribers={data.subscribers} period={period} />
          <CancellationsReport weeks={data.cancellationsPerWeek} period={period} />
          <DepotsReport depots={data.depots} period={period} />
        </>
      )}
    </Stack>
  );
}
