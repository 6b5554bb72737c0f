import type { ReactNode } from 'react';
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZDirectoryIdParams, type TPublicContactPoint, type TPublicLocation } from '../../../shared/schemas/directory/public.js';
import { isNotFound } from '../../api/client.js';
import { useDirectoryOrganisation, useDirectoryService, useDirectoryZinplek } from '../../api/directory.js';
import { NotFoundMessage } from '../../components/not-found-message.js';
import { PageHeader } from '../../components/page-header.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { currentLanguage, localeFor } from '../../i18n.js';
import { Field, HitBadges, StaleBadge, formatDay, useAgeText } from './directory-ui.js';
import { DIRECTORY_PATH, organisationPath, servicePath, zinplekPath } from './paths.js';

function useCrumbs() {
  const { t } = useTranslation();
  return [{ label: t('directory.title'), to: DIRECTORY_PATH }];
}

/** Loading, not found and errors of a detail page; the content once loaded. */
function Detail<T>({ query, valid, children }: { query: UseQueryResult<T>; valid: boolean; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const crumbs = useCrumbs();
  const notFound = <NotFoundMessage title={t('directory.notFoundTitle')} text={t('directory.notFoundText')} />;
  if (!valid) return notFound;
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    if (isNotFound(query.error)) return notFound;
    return (
      <>
        <PageHeader title={t('common.errorTitle')} breadcrumbs={crumbs} />
        <ErrorState title={null} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </>
    );
  }
  return <>{children(query.data)}</>;
}

function useId() {
  const { id = '' } = useParams();
  const valid = ZDirectoryIdParams.safeParse({ id }).success;
  return { id: valid ? id : undefined, valid };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Locations({ locations }: { locations: TPublicLocation[] }) {
  const { t } = useTranslation();
  if (locations.length === 0) return <Text c="dimmed">{t('directory.noLocations')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {locations.map((l) => (
        <Paper key={l.id} withBorder p="sm" radius="md">
          <Text fw={600}>{l.name}</Text>
          <Text size="sm">{l.street}</Text>
          <Text size="sm">
            {l.postalCode} {l.city}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Contacts({ contacts }: { contacts: TPublicContactPoint[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  return (
    <Section title={t('directory.contacts')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {contacts.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="md">
            <Text fw={600}>{c.title}</Text>
            <Text size="sm" c="dimmed">
              {t(`directory.contactFunction.${c.function}`)}
            </Text>
            {c.email && (
              <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.email}
              </Anchor>
            )}
            {c.phone && (
              <Text size="sm">
                <Anchor href={`tel:${c.phone.replace(/\s+/g, '')}`}>{c.phone}</Anchor>
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Section>
  );
}

function Reach({ url, email, phone }: { url: string | null; email: string | null; phone: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {url && (
        <Field label={t('directory.website')}>
          <Anchor href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </Anchor>
        </Field>
      )}
      {email && (
        <Field label={t('directory.email')}>
          <Anchor href={`mailto:${email}`}>{email}</Anchor>
        </Field>
      )}
      {phone && <Field label={t('directory.phone')}>{phone}</Field>}
    </>
  );
}

function Confirmed({ at }: { at: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('directory.confirmedOn', { date: formatDay(at, localeFor(currentLanguage())) })}
    </Text>
  );
}

/** One service of a listed organisation. */
export function DirectoryServicePage() {
  const { t } = useTranslation();
  const crumbs = useCrumbs();
  const ageText = useAgeText();
  const { id, valid } = useId();
  const query = useDirectoryService(id);
  return (
    <Detail query={query} valid={valid}>
      {(s) => (
        <>
          <PageHeader title={s.name} breadcrumbs={crumbs} aside={<HitBadges kind="service" directAccess={s.directAccess} stale={s.stale} />} />
          <Stack gap="xl" maw="52rem">
            <Stack gap="sm">
              <Field label={t('directory.organisation')}>
                <Anchor component={Link} to={organisationPath(s.organisation.id)}>
                  {s.organisation.name}
                </Anchor>
              </Field>
              <Field label={t('directory.description')}>{s.description}</Field>
              <Field label={t('directory.eligibility')}>{[ageText(s.minAge, s.maxAge), s.eligibility].filter(Boolean).join(' · ')}</Field>
              <Field label={t('directory.howToApply')}>{s.howToApply}</Field>
              <Field label={t('directory.cost')}>{s.cost}</Field>
              {s.waitingDays !== null && (
                <Field label={t('directory.waitingLabel')}>{s.waitingDays === 0 ? t('directory.noWaiting') : t('directory.waitingAbout', { days: s.waitingDays })}</Field>
              )}
              <Field label={t('directory.languages')}>{s.languages.map((l) => l.toUpperCase()).join(', ')}</Field>
              <Reach url={s.url} email={s.email} phone={s.phone} />
              <Confirmed at={s.confirmedAt} />
            </Stack>
            <Section title={t('directory.locations')}>
              <Locations locations={s.locations} />
            </Section>
            <Contacts contacts={s.contactPoints} />
          </Stack>
        </>
      )}
    </Detail>
  );
}

/** One listed organisation: what it does, its services, zinplekken and places. */
export function DirectoryOrganisationPage() {
  const { t } = useTranslation();
  const crumbs = useCrumbs();
  const lang = currentLanguage();
  const { id, valid } = useId();
  const query = useDirectoryOrganisation(id);
  return (
    <Detail query={query} valid={valid}>
      {(o) => (
        <>
          <PageHeader
            title={o.name}
            breadcrumbs={crumbs}
            aside={
              <Group gap={6}>
                {o.directAccess && (
                  <Badge color="teal" variant="light" tt="none" c="gray.9">
                    {t('directory.directAccess')}
                  </Badge>
                )}
                {o.broadEntryPoint && (
                  <Badge color="blue" variant="light" tt="none" c="gray.9">
                    {t('directory.broadEntryPoint')}
                  </Badge>
                )}
                {o.mandated && (
                  <Badge color="gray" variant="light" tt="none" c="gray.9">
                    {t('directory.mandated')}
                  </Badge>
                )}
                {o.stale && <StaleBadge />}
              </Group>
            }
          />
          <Stack gap="xl" maw="52rem">
            <Stack gap="sm">
              <Field label={t('directory.description')}>{o.description}</Field>
              <Field label={t('directory.sectors')}>{o.sectors.map((s) => (lang === 'en' ? s.nameEn : s.nameNl)).join(', ')}</Field>
              <Field label={t('directory.municipalitiesServed')}>{o.municipalitiesServed.map((m) => m.nameNl).join(', ')}</Field>
              <Reach url={o.website} email={o.email} phone={o.phone} />
              <Confirmed at={o.confirmedAt} />
            </Stack>
            <Section title={t('directory.services')}>
              {o.services.length === 0 ? (
                <Text c="dimmed">{t('directory.noServices')}</Text>
              ) : (
                <List spacing={6}>
                  {o.services.map((s) => (
                    <List.Item key={s.id}>
                      <Anchor component={Link} to={servicePath(s.id)}>
                        {s.name}
                      </Anchor>
                      <Text span size="sm" c="dimmed">
                        {' · '}
                        {s.directAccess ? t('directory.directAccess') : t('directory.referral')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            {o.zinplekken.length > 0 && (
              <Section title={t('directory.zinplekken')}>
                <List spacing={6}>
                  {o.zinplekken.map((z) => (
                    <List.Item key={z.id}>
                      <Anchor component={Link} to={zinplekPath(z.id)}>
                        {z.name}
                      </Anchor>
                      {z.forWhom && (
                        <Text span size="sm" c="dimmed">
                          {' · '}
                          {z.forWhom}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              </Section>
            )}
            <Section title={t('directory.locations')}>
              <Locations locations={o.locations} />
            </Section>
            <Contacts contacts={o.contactPoints} />
          </Stack>
        </>
      )}
    </Detail>
  );
}

/** One zinplek: a place where young people can go. */
export function DirectoryZinplekPage() {
  const { t } = useTranslation();
  const crumbs = useCrumbs();
  const ageText = useAgeText();
  const { id, valid } = useId();
  const query = useDirectoryZinplek(id);
  return (
    <Detail query={query} valid={valid}>
      {(z) => (
        <>
          <PageHeader title={z.name} breadcrumbs={crumbs} aside={<HitBadges kind="zinplek" directAccess={false} stale={z.stale} />} />
          <Stack gap="xl" maw="52rem">
            <Stack gap="sm">
              <Field label={t('directory.organisation')}>
                <Anchor component={Link} to={organisationPath(z.organisation.id)}>
                  {z.organisation.name}
                </Anchor>
              </Field>
              <Field label={t('directory.activities')}>{z.activities}</Field>
              <Field label={t('directory.forWhom')}>{[ageText(z.minAge, z.maxAge), z.forWhom].filter(Boolean).join(' · ')}</Field>
              <Field label={t('directory.registration')}>{z.registration}</Field>
              <Field label={t('directory.places')}>{z.places ?? null}</Field>
              <Confirmed at={z.confirmedAt} />
            </Stack>
            {z.location && (
              <Section title={t('directory.location')}>
                <Locations locations={[z.location]} />
              </Section>
            )}
          </Stack>
        </>
      )}
    </Detail>
  );
}
