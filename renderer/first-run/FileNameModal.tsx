import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Web harness only: the new database's file name, inside the harness's data folder. */
export function CreateDatabaseModal({ opened, busy, error, onClose, onCreate }: { opened: boolean; busy: boolean; error: string | null; onClose(): void; onCreate(name: string): void }) {
  const [name, setName] = useState('jardin.paniers');
  return (
    <Modal opened={opened} onClose={onClose} title="Créer une nouvelle base">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onCreate(name.trim());
        }}
      >
        <Stack>
          <TextInput
            label="Nom du fichier"
            description="La base est créée dans le dossier de données du serveur Paniers ; l’extension .paniers est ajoutée si besoin."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={busy}>
              Créer la base
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Web harness only: pick one of the databases of the data folder. */
export function OpenDatabaseModal({ opened, busy, error, databases, onClose, onOpen }: { opened: boolean; busy: boolean; error: string | null; databases: string[]; onClose(): void; onOpen(name: string): void }) {
  const [choice, setChoice] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title="Ouvrir une base existante">
      <Stack>
        {databases.length === 0 ? (
          <Text>Le dossier de données ne contient encore aucune base. Créez-en une nouvelle, ou découvrez la base de démonstration.</Text>
        ) : (
          <Radio.Group label="Bases du dossier de données" value={choice} onChange={setChoice} error={error}>
            <Stack gap="xs" mt="xs">
              {databases.map((name) => (
                <Radio key={name} value={name} label={name} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button disabled={!choice} loading={busy} onClick={() => choice && onOpen(choice)}>
            Ouvrir
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
