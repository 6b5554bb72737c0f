import { useState, type FormEvent } from 'react';
import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePortalObject, usePortalTeam, usePortalWithdrawObjection } from '../../api/portal.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { announcedError, authErrorText } from '../../components/form/error-text.js';
import { FormError } from '../../components/form/form-error.js';
import { notify } from '../../components/notify.js';
import { useFormat } from '../../i18n.js';
import { formatPortalDay } from './portal-frame.js';

interface Objection {
  id: string;
  personId: string;
  name: string;
  createdAt: string;
}

/**
 * A youth of 12+ objects to access by one named professional of the team (that person's consents
 * no longer open the file, at once), and withdraws the objection again. Shown only with the
 * `object` ability.
 */
export function ObjectionsSection({ objections }: { objections: Objection[] }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const team = usePortalTeam();
  const object = usePortalObject();
  const withdraw = usePortalWithdrawObjection();
  const [personId, setPersonId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ id: string; name: string } | null>(null);

  const objected = new Set(objections.map((o) => o.personId));
  const candidates = (team.data?.data ?? []).filter((m) => !objected.has(m.personId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const person = candidates.find((c) => c.personId === personId);
    if (!person) return setFieldError(t('portal.objection.personRequired'));
    setFieldError(null);
    setAsking({ id: person.personId, name: `${person.name} (${person.organisation})` });
  };

  const confirm = () => {
    if (!asking) return;
    object.mutate(asking.id, {
      onSuccess: () => {
        setAsking(null);
        setPersonId('');
        notify('green', t('portal.objection.made'));
      },
      onError: (e) => {
        setAsking(null);
        setError(authErrorText(t, e));
      },
    });
  };

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portal-objections">
      <Stack gap="sm">
        <Title order={2} size="h3" id="portal-objections">
          {t('portal.objection.title')}
        </Title>
        <Text c="gray.8">{t('portal.objection.lead')}</Text>
        <FormError message={error} />
        {objections.length > 0 ? (
          <Stack gap="xs">
            <Text fw={600}>{t('portal.objection.listTitle')}</Text>
            {objections.map((o) => (
              <Group key={o.id} justify="space-between" gap="xs" wrap="wrap">
                <div>
                  <Text>{o.name}</Text>
                  <Text size="sm" c="gray.8">
                    {t('portal.objection.since', { date: formatPortalDay(o.createdAt, locale) })}
                  </Text>
                </div>
                <Button
                  variant="default"
                  size="md"
                  aria-label={`${t('portal.objection.withdraw')}: ${o.name}`}
                  loading={withdraw.isPending && withdraw.variables === o.id}
                  onClick={() =>
                    withdraw.mutate(o.id, {
                      onSuccess: () => notify('green', t('portal.objection.withdrawn')),
                      onError: (e) => setError(authErrorText(t, e)),
                    })
                  }
                >
                  {t('portal.objection.withdraw')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('portal.objection.none')}</Text>
        )}
        {candidates.length > 0 && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <NativeSelect
                label={t('portal.objection.person')}
                size="md"
                value={personId}
                onChange={(e) => setPersonId(e.currentTarget.value)}
                data={[{ value: '', label: '—' }, ...candidates.map((c) => ({ value: c.personId, label: `${c.name} (${c.organisation})` }))]}
                error={fieldError}
                {...announcedError}
              />
              <Button type="submit" size="md" color="red.9" variant="outline" style={{ alignSelf: 'flex-start' }}>
                {t('portal.objection.add')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('portal.objection.confirmTitle')}
        confirmLabel={t('portal.objection.confirm')}
        loading={object.isPending}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
      >
        {t('portal.objection.confirmText', { name: asking?.name ?? '' })}
      </ConfirmDialog>
    </Card>
  );
}
