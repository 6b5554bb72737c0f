import { useState } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../../../api/client.js';
import { useFamilyAccess } from '../../../api/families/family.js';
import { useDocumentTitle } from '../../../components/document-title.js';
import { NotFoundMessage } from '../../../components/not-found-message.js';
import { PageSkeleton } from '../../../components/skeletons.js';
import { ErrorState } from '../../../components/states.js';
import { OverrideDialog } from './family-dialogs.js';

/**
 * The family page answered 404. For someone still on the family's team (e.g. the consent was
 * withdrawn) the server says whether an override without consent may be asked: then this page
 * explains why the file is closed and offers the override (step-up, reason, at most 72 hours).
 * Everyone else sees the ordinary "not found", exactly as for a family that does not exist.
 */
export function FamilyNoAccess({ familyId }: { familyId: string }) {
  const access = useFamilyAccess(familyId, true);
  if (access.isPending) return <PageSkeleton />;
  if (access.isError && !isNotFound(access.error)) return <ErrorState error={access.error} onRetry={() => void access.refetch()} />;
  if (access.isError || !access.data.abilities.override) return <NotFoundMessage />;
  return <OverrideOffer familyId={familyId} />;
}

function OverrideOffer({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useDocumentTitle(t('families.override.noAccessTitle'));
  return (
    <Stack gap="md" maw="44rem" py="xl" align="flex-start">
      <Title order={1}>{t('families.override.noAccessTitle')}</Title>
      <Text size="lg">{t('families.override.noAccessText')}</Text>
      <Alert variant="light" color="yellow" w="100%">
        <Text c="gray.9">{t('families.override.noAccessOverride')}</Text>
      </Alert>
      <Button variant="default" leftSection={<IconLockOpen size={18} aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t('families.override.open')}
      </Button>
      <OverrideDialog familyId={familyId} opened={open} onClose={() => setOpen(false)} />
    </Stack>
  );
}
