import { z } from 'zod';
import { defineHandler } from '../api/handler';
import { readOrganisation } from '../organisation/organisation-handlers';

/** The header's data: which file, saved when, read-only or not, and whose organisation. */
export const appStatus = defineHandler({
  name: 'app-status',
  input: z.object({}),
  mutates: false,
  run: ({ db, status }) => {
    const org = readOrganisation(db);
    return { ...status(), organisationName: org.legalName, isConfigured: org.legalName !== '' };
  },
});
