import { Text } from '@mantine/core';
import type { OutputOf } from '../../../core/handlers';
import { NameLink } from '../common/NameLink';

type Cheque = OutputOf<'cheque-list'>['cheques'][number];

/** The subscriber credited, and the drawer under it only when someone else signed (one column, not two alike). */
export function DrawerCell({ cheque }: { cheque: Cheque }) {
  return (
    <>
      <NameLink subscriberId={cheque.subscriberId} name={cheque.subscriberName} />
      {cheque.drawer !== cheque.subscriberName && (
        <Text size="xs" c="dimmed">
          tireur : {cheque.drawer}
        </Text>
      )}
    </>
  );
}
