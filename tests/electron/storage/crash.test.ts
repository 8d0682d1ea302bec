import { describe, expect, it } from 'vitest';
import { runCrashLoop } from '../../../scripts/bench/crash';
import { makeTempDir } from '../../support/storage-files';

describe('kill during save', () => {
  it(
    'after 50 random SIGKILLs the file always opens with every check, holds every acknowledged save, and no temp file survives an open',
    async () => {
      const { dir, cleanup } = await makeTempDir('paniers-crash-');
      try {
        const result = await runCrashLoop({ kills: 50, dir });
        expect(result.failures).toEqual([]);
        expect(result).toMatchObject({ kills: 50, corruptFiles: 0, lostAcknowledged: 0, orphanTempFilesAfterOpen: 0, badBackups: 0 });
        // The loop really saved: otherwise the kills prove nothing.
        expect(result.acknowledged).toBeGreaterThan(50);
        expect(result.backupsChecked).toBeGreaterThan(0);
      } finally {
        await cleanup();
      }
    },
    120_000,
  );
});
