import { Anchor } from '@mantine/core';
import { useAppState } from '../../state/app-store';

/** A subscriber's name that opens their page (Adhérents). */
export function NameLink({ subscriberId, name }: { subscriberId: number; name: string }) {
  const openSubscriber = useAppState((s) => s.openSubscriber);
  return (
    <Anchor component="button" type="button" size="sm" c="dark" ta="left" onClick={() => openSubscriber(subscriberId)}>
      {name}
    </Anchor>
  );
}
