import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { wrappingBadge } from '../../admin/labels.js';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFamilyListItem } from '../../../../shared/schemas/families/family.js';
import { flattenPages } from '../../../api/client.js';
import { useMyFamilies } from '../../../api/families/family.js';
import { ResponsiveList } from '../../../components/list/responsive-list.js';
import { PageHeader } from '../../../components/page-header.js';
import { familyPath } from '../routes.js';
import { formatDay } from './format.js';
import { LoggedIn } from './use-login-guard.js';

const TITLE_ID = 'my-families-title';

/** My families: the families whose file I may open, searchable, a page at a time. */
export function MyFamiliesPage() {
  return (
    <LoggedIn>
      <MyFamilies />
    </LoggedIn>
  );
}

function MyFamilies() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const families = useMyFamilies(query);
  const { items } = flattenPages(families.data);

  const contact = (f: TFamilyListItem) => (f.contact ? `${f.contact.personName} (${f.contact.organisationName})` : t('families.noContact'));
  const role = (f: TFamilyListItem) => (
    <Badge variant="light" color={f.myRole === 'contact' ? 'petrol' : 'gray'} c="gray.9" tt="none" styles={wrappingBadge}>
      {t(`families.myRole.${f.myRole}`)}
    </Badge>
  );
  const name = (f: TFamilyListItem) => (
    <Anchor component={Link} to={familyPath(f.id)} fw={600}>
      {f.name}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('families.title')} description={t('families.lead')} />
      <Text id={TITLE_ID} fw={700} size="lg" component="h2" m={0}>
        {t('families.listTitle')}
      </Text>
      <TextInput
        label={t('families.search')}
        placeholder={t('families.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      <ResponsiveList<TFamilyListItem>
        items={families.data ? items : undefined}
        query={families}
        paging={families}
        loadMoreLabel={t('families.loadMore')}
        getKey={(f) => f.id}
        labelledBy={TITLE_ID}
        columns={[
          { key: 'name', header: t('families.columns.name'), rowHeader: true, cell: name },
          { key: 'municipality', header: t('families.columns.municipality'), cell: (f) => f.municipalityName },
          { key: 'contact', header: t('families.columns.contact'), cell: contact },
          { key: 'role', header: t('families.columns.myRole'), nowrap: true, cell: role },
          { key: 'evaluation', header: t('families.columns.nextEvaluation'), nowrap: true, cell: (f) => (f.nextEvaluationOn ? formatDay(f.nextEvaluationOn, i18n.language) : '—') },
          { key: 'signals', header: t('families.columns.signals'), numeric: true, cell: (f) => f.openSignals },
        ]}
        card={(f) => (
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {name(f)}
              {role(f)}
            </Group>
            <Text size="sm">{f.municipalityName}</Text>
            <Text size="sm">
              {t('families.columns.contact')}: {contact(f)}
            </Text>
            {f.nextEvaluationOn && (
              <Text size="sm">
                {t('families.columns.nextEvaluation')}: {formatDay(f.nextEvaluationOn, i18n.language)}
              </Text>
            )}
          </Stack>
        )}
        empty={
          <Paper withBorder radius="md" p="lg">
            <Text>{query ? t('families.noMatch') : t('families.empty')}</Text>
          </Paper>
        }
      />
    </Stack>
  );
}
