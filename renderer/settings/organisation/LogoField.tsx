import { Button, FileButton, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldId } from './fields';

const ACCEPTED = ['image/png', 'image/jpeg'];
// Same limit as the backend's schema (700 000 characters of data URL ≈ 500 Ko of image).
const MAX_BYTES = 500 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
    reader.readAsDataURL(file);
  });
}

/** The letterhead logo: a PNG or JPEG kept in the database as a data URL, previewed here. */
export function LogoField({ value, error, disabled, onChange }: { value: string | null; error?: string; disabled?: boolean; onChange(value: string | null): void }) {
  const [localError, setLocalError] = useState<string | null>(null);

  async function pick(file: File | null) {
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      setLocalError(`« ${file.name} » n’est pas une image PNG ou JPEG. Choisissez un fichier .png ou .jpg.`);
      return;
    }
    if (file.size > MAX_BYTES) {
      setLocalError(`« ${file.name} » est trop lourd (${Math.round(file.size / 1024)} Ko) : 500 Ko au plus. Réduisez l’image puis réessayez.`);
      return;
    }
    try {
      onChange(await readAsDataUrl(file));
      setLocalError(null);
    } catch {
      setLocalError(`Impossible de lire « ${file.name} ». Réessayez avec une autre copie du fichier.`);
    }
  }

  const shownError = localError ?? error;
  return (
    <Input.Wrapper label="Logo" description="Imprimé en tête des factures. PNG ou JPEG, 500 Ko au plus." error={shownError} id={fieldId('logoDataUrl')}>
      <Group align="center" gap="lg" mt={6}>
        <Paper withBorder w={160} h={96} p={6} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {value ? (
            <Image src={value} alt="Aperçu du logo" fit="contain" h="100%" w="100%" />
          ) : (
            <Stack gap={2} align="center" c="dimmed">
              <IconPhoto size={28} stroke={1.4} aria-hidden />
              <Text size="xs">Aucun logo</Text>
            </Stack>
          )}
        </Paper>
        <Stack gap="xs">
          <FileButton onChange={pick} accept={ACCEPTED.join(',')} disabled={disabled}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPhoto size={16} />} disabled={disabled}>
                {value ? 'Changer le logo…' : 'Choisir un logo…'}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => onChange(null)} disabled={disabled}>
              Retirer le logo
            </Button>
          )}
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
