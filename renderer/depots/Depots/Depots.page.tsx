import { Stack, Tabs, Title } from '@mantine/core';
import { IconMapPin, IconRoute, IconPlant2 } from '@tabler/icons-react';
import { DepotList } from '../DepotList/DepotList';
import { GardenList } from '../GardenList/GardenList';
import { RoundList } from '../RoundList/RoundList';

/** Dépôts & tournées: where the baskets go, in which order, from which garden. */
export function DepotsPage() {
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        Dépôts & tournées
      </Title>
      <Tabs defaultValue="depots" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="depots" leftSection={<IconMapPin size={16} />}>
            Dépôts
          </Tabs.Tab>
          <Tabs.Tab value="rounds" leftSection={<IconRoute size={16} />}>
            Tournées
          </Tabs.Tab>
          <Tabs.Tab value="gardens" leftSection={<IconPlant2 size={16} />}>
            Jardins
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="depots">
          <DepotList />
        </Tabs.Panel>
        <Tabs.Panel value="rounds">
          <RoundList />
        </Tabs.Panel>
        <Tabs.Panel value="gardens">
          <GardenList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
