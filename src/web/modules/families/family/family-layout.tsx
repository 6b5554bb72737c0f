import { Suspense } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { wrappingBadge } from '../../admin/labels.js';
import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZFamilyPageResponse } from '../../../../shared/schemas/families/family.js';
import { isNotFound } from '../../../api/client.js';
import { useFamily } from '../../../api/families/family.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageSkeleton, SectionSkeleton } from '../../../components/skeletons.js';
import { ErrorState } from '../../../components/states.js';
import { FAMILY_TABS } from '../family-tabs.js';
import { FAMILIES_PATH, familyPath } from '../routes.js';
import { formatInstantDay } from './format.js';
import { LoggedIn } from './use-login-guard.js';
import { FamilyNoAccess } from './no-access.js';
import { OverrideBanner } from './override-banner.js';
import classes from '../../admin/admin.module.css';

/** What the tabs of the family page get: the family page data and my abilities. */
export type TFamilyContext = z.infer<typeof ZFamilyPageResponse>;
export const useFamilyContext = () => useOutletContext<TFamilyContext>();

/** The family page: header (name, contact person, status) and the tabs as child routes. */
export function FamilyLayout() {
  return (
    <LoggedIn>
      <Family />
    </LoggedIn>
  );
}

function Family() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const family = useFamily(id);
  if (family.isPending) return <PageSkeleton />;
  if (family.isError) {
    // Not on the team, no consent, or no such family: the same answer.
    // Still on the team (e.g. the consent was withdrawn)? Then an override may be offered.
    if (isNotFound(family.error)) return <FamilyNoAccess familyId={id} />;
    return <ErrorState error={family.error} onRetry={() => void family.refetch()} />;
  }
  const { data, abilities } = family.data;
  const tabs = FAMILY_TABS.filter((tab) => !tab.ability || abilities[tab.ability]);

  return (
    <>
      <PageHeader
        title={data.family.name}
        breadcrumbs={[{ label: t('families.title'), to: FAMILIES_PATH }]}
        aside={
          <Badge variant="light" color={data.family.status === 'open' ? 'green' : 'gray'} c="gray.9" tt="none" styles={wrappingBadge}>
            {t(`families.status.${data.family.status}`)}
          </Badge>
        }
        description={`${t('families.header.contact')}: ${data.contact ? `${data.contact.personName} (${data.contact.organisationName})` : t('families.noContact')}`}
      />
      <Text size="sm" c="gray.8" mt="-md" mb="md">
        {data.family.municipalityName} · {data.family.regionName}
        {data.lastVisitAt ? ` · ${t('families.header.lastVisit', { date: formatInstantDay(data.lastVisitAt, i18n.language) })}` : ''}
      </Text>
      <OverrideBanner consents={data.consents} />
      <nav aria-label={t('families.tabs.label')} className={classes.sectionNav}>
        <Group gap={4} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={familyPath(id, tab.path)} end={tab.path === ''} className={classes.sectionLink}>
                {t(tab.labelKey, { defaultValue: tab.labelKey })}
              </NavLink>
            </li>
          ))}
        </Group>
      </nav>
      <Suspense fallback={<SectionSkeleton />}>
        <Outlet context={family.data satisfies TFamilyContext} />
      </Suspense>
    </>
  );
}
