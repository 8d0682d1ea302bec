import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { ORGANISATION_LABELS, organisationInput, type Organisation } from './organisation';
import { organisationFromDb, organisationToDb, type OrganisationRow } from './organisation-rows';

export function readOrganisation(db: Db): Organisation {
  const row = db.get<OrganisationRow>('SELECT * FROM organisation WHERE id = 1');
  if (!row) throw new Error('organisation row missing');
  return organisationFromDb(row);
}

export function writeOrganisation(db: Db, org: Organisation): void {
  const row = organisationToDb(org);
  const columns = Object.keys(row);
  db.run(
    `UPDATE organisation SET ${columns.map((c) => `${c} = :${c}`).join(', ')} WHERE id = 1`,
    Object.fromEntries(columns.map((c) => [`:${c}`, row[c as keyof OrganisationRow]])),
  );
}

export const organisationGet = defineHandler({
  name: 'organisation-get',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readOrganisation(db),
});

export const organisationUpdate = defineHandler({
  name: 'organisation-update',
  input: organisationInput,
  labels: ORGANISATION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const org: Organisation = { ...input, updatedAt: clock.now().toISOString() };
    writeOrganisation(db, org);
    return org;
  },
});
