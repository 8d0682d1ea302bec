import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { IconBasket, IconBuildingCommunity, IconCash, IconDatabase, IconFileImport, IconIdBadge2, IconLock, IconTruckDelivery } from '@tabler/icons-react';
import { FormulaList } from '../../formulas/FormulaList/FormulaList';
import { DeliverySettingsForm } from '../deliveries/DeliverySettingsForm';
import { PaymentSettingsForm } from '../payments/PaymentSettingsForm';
import { MembershipPeriodForm } from '../memberships/MembershipPeriodForm';
import { MembershipTypes } from '../memberships/MembershipTypes';
import { useRefreshStatus } from '../../shell/use-status';
import { useAppState } from '../../state/app-store';
import { BackupsPanel } from '../backups/BackupsPanel';
import { ImportPanel } from '../import/ImportPanel';
import { OrganisationForm } from '../organisation/OrganisationForm';

export function SettingsPage() {
  const status = useAppState((s) => s.status);
  const refreshStatus = useRefreshStatus();
  const readOnly = status?.readOnly ?? false;
  const tab = useAppState((s) => s.settingsTab);
  const setTab = useAppState((s) => s.setSettingsTab);
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        Paramètres
      </Title>
      <Tabs value={tab} onChange={(value) => setTab(value ?? 'organisation')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="organisation" leftSection={<IconBuildingCommunity size={16} />}>
            Organisation
          </Tabs.Tab>
          <Tabs.Tab value="formulas" leftSection={<IconBasket size={16} />}>
            Formules
          </Tabs.Tab>
          <Tabs.Tab value="memberships" leftSection={<IconIdBadge2 size={16} />}>
            Cotisations
          </Tabs.Tab>
          <Tabs.Tab value="deliveries" leftSection={<IconTruckDelivery size={16} />}>
            Livraisons
          </Tabs.Tab>
          <Tabs.Tab value="payments" leftSection={<IconCash size={16} />}>
            Règlements
          </Tabs.Tab>
          <Tabs.Tab value="import" leftSection={<IconFileImport size={16} />}>
            Importer
          </Tabs.Tab>
          <Tabs.Tab value="backups" leftSection={<IconDatabase size={16} />}>
            Sauvegardes
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisation">
          {readOnly && (
            <Alert color="orange" icon={<IconLock />} mb="lg" title="Lecture seule">
              Vous pouvez consulter ces paramètres ; pour les modifier, fermez Paniers sur l’autre poste puis rouvrez la base.
            </Alert>
          )}
          <OrganisationForm readOnly={readOnly} onSaved={() => void refreshStatus()} />
        </Tabs.Panel>
        <Tabs.Panel value="formulas">
          <FormulaList />
        </Tabs.Panel>
        <Tabs.Panel value="memberships">
          <Stack gap="lg">
            <MembershipTypes readOnly={readOnly} />
            <MembershipPeriodForm readOnly={readOnly} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="deliveries">
          <DeliverySettingsForm readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="payments">
          <PaymentSettingsForm readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportPanel readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsPanel readOnly={readOnly} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
