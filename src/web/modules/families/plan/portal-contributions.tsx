import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { IconHandStop, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFamilyPortalContributions } from '../../../api/portal.js';
import { formatDateTime } from '../../../components/format.js';
import { ErrorState } from '../../../components/states.js';
import { localeFor } from '../../../i18n.js';

/** How many of the family's own versions the plan page lists (the version history has them all). */
const SHOWN_VERSIONS = 10;

/**
 * "Inbreng van het gezin" on the team's plan page: the objections the youth made (who may no
 * longer open the file), the family's comments with what they are about, the versions they wrote
 * and their agreement — what the family said through the portal, so the team sees it.
 */
export function PortalContributions({ familyId }: { familyId: string }) {
  const { t, i18n } = useTranslation();
  const query = useFamilyPortalContributions(familyId);
  const locale = localeFor(i18n.language);
  if (query.isPending) return null;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const { objections, comments, versions, agreement } = query.data.data;
  const nothing = objections.length === 0 && comments.length === 0 && versions.length === 0 && !agreement;

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portal-contributions">
      <Stack gap="md">
        <Title order={2} size="h3" id="portal-contributions">
          {t('portalContributions.title')}
        </Title>
        {nothing && <Text c="dimmed">{t('portalContributions.empty')}</Text>}

        {objections.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconHandStop aria-hidden="true" />}>
            <Stack gap={4} c="gray.9">
              <Title order={3} size="h5">
                {t('portalContributions.objectionsTitle')}
              </Title>
              <Text size="sm">{t('portalContributions.objectionsLead')}</Text>
              <List spacing={2}>
                {objections.map((o) => (
                  <List.Item key={o.id}>{t('portalContributions.objection', { member: o.member, person: o.person, date: formatDateTime(o.createdAt, locale) })}</List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        )}

        {agreement && <Text fw={600}>{t('portalContributions.agreement', { version: agreement.version, date: formatDateTime(agreement.at, locale) })}</Text>}

        {comments.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('portalContributions.commentsTitle')}
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {comments.map((c) => (
                <li key={c.key}>
                  <Card withBorder radius="sm" p="sm" bg="gray.0">
                    <Text size="sm" c="dimmed">
                      <IconMessageCircle size={14} aria-hidden="true" style={{ verticalAlign: 'middle' }} />{' '}
                      {c.on
                        ? t(c.on.kind === 'goal' ? 'portalContributions.onGoal' : 'portalContributions.onAction', { text: c.on.text ?? t('portalContributions.removed') })
                        : t('portalContributions.onPlan')}
                    </Text>
                    <Text>“{c.text}”</Text>
                    <Text size="sm" c="dimmed">
                      {c.member}, {formatDateTime(c.at, locale)}
                    </Text>
                  </Card>
                </li>
              ))}
            </Stack>
          </Stack>
        )}

        {versions.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('portalContributions.versionsTitle')}
            </Title>
            <List spacing={2} size="sm">
              {versions.slice(0, SHOWN_VERSIONS).map((v) => (
                <List.Item key={v.number}>{t('portalContributions.version', { number: v.number, summary: v.summary, member: v.member, date: formatDateTime(v.createdAt, locale) })}</List.Item>
              ))}
            </List>
            {versions.length > SHOWN_VERSIONS && <Text size="sm" c="dimmed">{t('portalContributions.moreInHistory')}</Text>}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
