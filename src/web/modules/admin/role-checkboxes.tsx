import { Checkbox, Stack, type CheckboxGroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';

interface RoleCheckboxesProps<R extends OrgRole | PlatformRole> extends Omit<CheckboxGroupProps, 'children' | 'onChange'> {
  /** The roles offered, in this order. */
  roles: readonly R[];
  onChange?: (value: R[]) => void;
  /** A role that may not be ticked (or unticked) by this editor. */
  roleDisabled?: (role: R) => boolean;
}

/** One checkbox per role, labelled with the role's name: the roles of a person in an organisation or on the platform. */
export function RoleCheckboxes<R extends OrgRole | PlatformRole>({ roles, onChange, roleDisabled, ...group }: RoleCheckboxesProps<R>) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group {...group} onChange={(value) => onChange?.(value as R[])}>
      <Stack gap="xs" mt={6}>
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={t(`account.roles.${role}`)} disabled={roleDisabled?.(role) ?? false} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
