/** Roles and the abilities they give, shared so the web app hides what the server would refuse. */
export const PLATFORM_ROLES = ['platform_admin', 'network_coordinator'] as const;
export const ORG_ROLES = ['org_admin', 'professional'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type OrgRole = (typeof ORG_ROLES)[number];

/** Narrows a role read from the database to a known organisation role. */
export const isOrgRole = (r: string): r is OrgRole => (ORG_ROLES as readonly string[]).includes(r);
/** Narrows a role read from the database to a known platform role. */
export const isPlatformRoleName = (r: string): r is PlatformRole => (PLATFORM_ROLES as readonly string[]).includes(r);

export interface RoleFacts {
  platformRoles: { role: PlatformRole }[];
  memberships: { roles: OrgRole[] }[];
}

/** Abilities the UI uses to show navigation and actions; the server checks each one again. */
export function abilitiesOf(facts: RoleFacts): Record<string, boolean> {
  const platformAdmin = facts.platformRoles.some((r) => r.role === 'platform_admin');
  const coordinator = facts.platformRoles.some((r) => r.role === 'network_coordinator');
  const orgAdmin = facts.memberships.some((m) => m.roles.includes('org_admin'));
  const professional = facts.memberships.some((m) => m.roles.includes('professional'));
  return {
    'admin.view': platformAdmin || orgAdmin,
    'admin.organisations.manage': platformAdmin,
    'admin.people.manage': platformAdmin || orgAdmin,
    'admin.lifeDomains.manage': platformAdmin,
    'audit.view': platformAdmin,
    'network.coordinate': coordinator,
    'requests.board': coordinator,
    'families.work': professional,
    // My families and the family page: anyone working in an organisation (the server decides per family).
    'families.view': facts.memberships.length > 0,
    // Keeping the directory (sociale kaart): own organisation's entries, and the list of stale entries.
    'directory.manage': platformAdmin || orgAdmin,
    'directory.stale': platformAdmin || coordinator,
    'directory.import': platformAdmin,
    'directory.keep': platformAdmin || orgAdmin || coordinator,
    // Learning together: events to register for; organisers are org admins (their organisation), coordinators and platform admins.
    'learning.view': platformAdmin || coordinator || facts.memberships.length > 0,
    'learning.organise': platformAdmin || coordinator || orgAdmin,
    // Exchange learning: host offers of one's own organisation; the sector × sector matrix.
    'learning.exchange.host': orgAdmin,
    'learning.exchange.matrix': platformAdmin || coordinator,
    // Consultation: my bodies (members, coordinators, platform admins; the server lists only bodies one may see).
    'governance.view': platformAdmin || coordinator || facts.memberships.length > 0,
    // A region's engagement declarations at a glance; editing a region's municipalities.
    'directory.engagements': platformAdmin || coordinator,
    'regions.manage': platformAdmin,
  };
}
