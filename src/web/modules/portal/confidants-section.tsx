import { useState, type FormEvent } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZConfidantCreate } from '../../../shared/schemas/portal.js';
import { usePortalConfidants, usePortalDesignateConfidant, usePortalEndConfidant } from '../../api/portal.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { announcedError, authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { SectionSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { useFormat } from '../../i18n.js';
import { PortalBadge, formatPortalDay } from './portal-frame.js';

/**
 * A youth of 12+ designates a confidant — an adult outside the care, invited by mail with their
 * own login — and ends that access again (at once). Shown only with the `designateConfidant` ability.
 */
export function ConfidantsSection() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const list = usePortalConfidants(true);
  const designate = usePortalDesignateConfidant();
  const end = usePortalEndConfidant();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<{ id: string; name: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = ZConfidantCreate.safeParse({ name, email });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((i) => i.path[0]));
      setErrors({ name: paths.has('name') ? t('portal.confidant.nameRequired') : undefined, email: paths.has('email') ? t('portal.confidant.emailInvalid') : undefined });
      return;
    }
    setErrors({});
    designate.mutate(parsed.data, {
      onSuccess: () => {
        setName('');
        setEmail('');
        notify('green', t('portal.confidant.added'));
      },
      onError: (e) => setError(authErrorText(t, e)),
    });
  };

  const confirmEnd = () => {
    if (!ending) return;
    end.mutate(ending.id, {
      onSuccess: () => {
        setEnding(null);
        notify('green', t('portal.confidant.endDone'));
      },
      onError: (e) => {
        setEnding(null);
        setError(authErrorText(t, e));
      },
    });
  };

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portal-confidants">
      <Stack gap="sm">
        <Title order={2} size="h3" id="portal-confidants">
          {t('portal.confidant.title')}
        </Title>
        <Text c="gray.8">{t('portal.confidant.lead')}</Text>
        <FormError message={error} />
        {list.isPending ? (
          <SectionSkeleton />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : list.data.data.length === 0 ? (
          <Text size="sm">{t('portal.confidant.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.data.data.map((c) => (
              <li key={c.id}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <div style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{c.name}</Text>
                      <PortalBadge color={c.endedAt ? 'gray' : 'green'}>{c.endedAt ? t('portal.confidant.stopped') : t('portal.confidant.active')}</PortalBadge>
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {c.email}
                    </Text>
                    <Text size="sm" c="gray.8">
                      {c.endedAt ? t('portal.confidant.ended', { date: formatPortalDay(c.endedAt, locale) }) : t('portal.confidant.since', { date: formatPortalDay(c.createdAt, locale) })}
                    </Text>
                  </div>
                  {!c.endedAt && (
                    <Button variant="outline" color="red.9" size="md" aria-label={`${t('portal.confidant.end')}: ${c.name}`} onClick={() => setEnding({ id: c.id, name: c.name })}>
                      {t('portal.confidant.end')}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('portal.confidant.name')} size="md" autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} {...announcedError} />
            <TextInput
              label={t('portal.confidant.email')}
              type="email"
              inputMode="email"
              autoComplete="off"
              size="md"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              {...announcedError}
            />
            <Button type="submit" size="md" loading={designate.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('portal.confidant.add')}
            </Button>
          </Stack>
        </form>
      </Stack>
      <ConfirmDialog
        opened={ending !== null}
        title={t('portal.confidant.endTitle', { name: ending?.name ?? '' })}
        confirmLabel={t('portal.confidant.endConfirm')}
        loading={end.isPending}
        onConfirm={confirmEnd}
        onClose={() => setEnding(null)}
      >
        {t('portal.confidant.endText', { name: ending?.name ?? '' })}
      </ConfirmDialog>
    </Card>
  );
}
