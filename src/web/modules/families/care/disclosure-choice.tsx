import { useState, type FormEvent } from 'react';
import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DISCLOSURES, type TDisclosure } from '../../../../shared/schemas/families/enums.js';
import type { TFamilyMember } from '../../../../shared/schemas/families/family.js';
import { FormError } from '../../../components/form/form-error.js';
import { notify } from '../../../components/notify.js';
import { DialogActions, StateBadge, isConflict, useErrorText } from '../family-ui.js';

/**
 * "Wat ziet het gezin?" — the marking of a journal note, wait or atelier (what the family sees of
 * it in the portal), one control for all three; the server checks the same rules.
 */

/** A youth of 12+ decides for themselves (the server checks the same age for "eigen aan de jongere"). */
const YOUTH_AGE = 12;
/** The family's current children of 12 or older: the only ones an item can be "eigen aan". */
export const currentYouths = (members: TFamilyMember[]) => members.filter((m) => m.role === 'child' && m.endedAt === null && m.age !== null && m.age >= YOUTH_AGE);

export interface TMarking {
  disclosure: TDisclosure;
  youthMemberId: string | null;
}

/** The body fields of a marking: the youth only with `youth_own`. */
export const markingBody = (m: TMarking) => ({ disclosure: m.disclosure, ...(m.disclosure === 'youth_own' && m.youthMemberId ? { youthMemberId: m.youthMemberId } : {}) });

/** The marking's state in a form, with the check the form does before sending. */
export function useMarking(initial: TMarking = { disclosure: 'normal', youthMemberId: null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<TMarking>(initial);
  const [youthError, setYouthError] = useState<string | undefined>();
  return {
    value,
    youthError,
    set: (v: TMarking) => {
      setValue(v);
      setYouthError(undefined);
    },
    reset: () => {
      setValue(initial);
      setYouthError(undefined);
    },
    /** False (and the error shown) when `youth_own` has no youth. */
    check: () => {
      const missing = value.disclosure === 'youth_own' && !value.youthMemberId;
      setYouthError(missing ? t('journalDisclosure.youthRequired') : undefined);
      return !missing;
    },
  };
}

/** The radio groups: every class in plain Dutch with one line each, then (for `youth_own`) which youth. */
export function DisclosureChoice({ marking, youths, help }: { marking: ReturnType<typeof useMarking>; youths: TFamilyMember[]; help?: string }) {
  const { t } = useTranslation();
  const { value } = marking;
  return (
    <>
      <Radio.Group
        label={t('journalDisclosure.title')}
        description={help ?? t('journalDisclosure.help')}
        value={value.disclosure}
        onChange={(v) => marking.set({ disclosure: v as TDisclosure, youthMemberId: v === 'youth_own' ? value.youthMemberId : null })}
        required
      >
        <Stack gap="xs" mt="xs">
          {DISCLOSURES.map((d) => {
            const disabled = d === 'youth_own' && youths.length === 0;
            return (
              <Radio
                key={d}
                value={d}
                disabled={disabled}
                label={t(`journalDisclosure.option.${d}`)}
                description={disabled ? t('journalDisclosure.noYouth') : t(`journalDisclosure.optionHelp.${d}`)}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      {value.disclosure === 'youth_own' && youths.length > 0 && (
        <Radio.Group
          label={t('journalDisclosure.youth')}
          value={value.youthMemberId}
          onChange={(id) => marking.set({ disclosure: 'youth_own', youthMemberId: id })}
          required
          error={marking.youthError}
          errorProps={{ role: 'alert' }}
        >
          <Stack gap="xs" mt="xs">
            {youths.map((y) => (
              <Radio key={y.id} value={y.id} label={y.age === null ? y.name : `${y.name} (${y.age})`} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </>
  );
}

/** What the family does not see of an item, so the team knows (the portal leaves these out for the family). */
export function DisclosureBadge({ disclosure, youthName }: { disclosure: TDisclosure; youthName: string | undefined }) {
  const { t } = useTranslation();
  if (disclosure === 'normal') return <StateBadge color="green">{t('journalDisclosure.badge.normal')}</StateBadge>;
  if (disclosure === 'youth_own')
    return <StateBadge color="grape">{youthName ? t('journalDisclosure.badge.youth_own', { name: youthName }) : t('journalDisclosure.badge.youthUnknown')}</StateBadge>;
  return <StateBadge color="red">{t(`journalDisclosure.badge.${disclosure}`)}</StateBadge>;
}

/**
 * Changing an item's marking afterwards (in a dialog): the current choice preselected; `onSave`
 * sends it with the version read (the caller's mutation; a 409 shows as the form's error).
 */
export function MarkingForm({
  current,
  youths,
  help,
  item,
  pending,
  error,
  onSave,
  onCancel,
}: {
  current: TMarking;
  youths: TFamilyMember[];
  help?: string;
  item: string;
  pending: boolean;
  error: string | null;
  onSave: (m: TMarking) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const marking = useMarking(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (marking.check()) onSave(marking.value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {item}
        </Text>
        <FormError message={error} />
        <DisclosureChoice marking={marking} youths={youths} help={help} />
        <Text size="xs" c="gray.8">
          {t('marking.audited')}
        </Text>
        <DialogActions onCancel={onCancel} pending={pending} label={t('marking.save')} />
      </Stack>
    </form>
  );
}

/** An item whose marking can be changed afterwards (journal note, wait, atelier). */
type TMarkable = TMarking & { id: string; version: number };

/**
 * The dialog that changes an item's marking afterwards, for all three kinds. The item as read when
 * the dialog opened goes with the save (its version): a change by someone else in between is a 409,
 * never overwritten unseen — also when the list behind the dialog refreshes meanwhile. After a 409 the
 * message stays and the newest version (`reload`) is shown, so trying again decides on what is there now.
 */
export function MarkItem<T extends TMarkable>({
  item,
  youths,
  help,
  label,
  save,
  reload,
  onDone,
}: {
  item: T;
  youths: TFamilyMember[];
  help?: string;
  label: (item: T) => string;
  save: (item: T, body: ReturnType<typeof markingBody> & { version: number }) => Promise<unknown>;
  reload: () => Promise<T | undefined>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [read, setRead] = useState(item);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (m: TMarking) => {
    setPending(true);
    try {
      await save(read, { version: read.version, ...markingBody(m) });
      notify('green', t('marking.saved'));
      onDone();
    } catch (err) {
      setError(errorText(err));
      if (isConflict(err)) {
        const fresh = await reload();
        if (fresh) setRead(fresh);
      }
    } finally {
      setPending(false);
    }
  };
  return (
    <MarkingForm
      key={read.version}
      current={{ disclosure: read.disclosure, youthMemberId: read.youthMemberId }}
      youths={youths}
      help={help}
      item={label(read)}
      pending={pending}
      error={error}
      onCancel={onDone}
      onSave={(m) => void submit(m)}
    />
  );
}
