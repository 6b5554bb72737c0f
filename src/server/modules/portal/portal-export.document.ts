import auditNl from '../../../shared/i18n/audit.nl.json' with { type: 'json' };
import auditEn from '../../../shared/i18n/audit.en.json' with { type: 'json' };
import type { TPlanOwner, TPlanVersion } from '../../../shared/schemas/families/plan.js';
import type { TDocEntry, TDocSection, TReadableDocument } from './portal-export.pdf.js';

/** What the readable document needs of the JSON export (the same data, so the same filtering). */
export interface TExportForDocument {
  exportedAt: string;
  me: { viewer: string; name: string; email: string; role: string; birthDate: string | null; confidantOf: { name: string } | null };
  family: { name: string; members: { id: string; name: string; role: string }[] };
  consents: { kind: string; subjectMemberId: string | null; organisation: string; person: string | null; scopes: string[]; validFrom: string; validUntil: string | null; withdrawnAt: string | null; overrideBasis: string | null; reason: string | null }[];
  objections: { person: string; createdAt: string; withdrawnAt: string | null }[];
  confidants: { name: string; email: string; createdAt: string; endedAt: string | null }[];
  plan: { current: TPlanVersion; myVersions: { number: number; summary: string; createdAt: string }[] };
  journal: { at: string; author: string; organisation: string; body: string }[];
  waits: { service: string; sinceOn: string; expectedStartOn: string | null; status: string; bridging: { provider: string; what: string; fromOn: string; untilOn: string | null }[] }[];
  ateliers: { heldOn: string; participants: unknown; ideas: string | null; commitments: { description: string; owner: string | null; dueOn: string | null; status: string }[] }[];
  accessLog: { at: string; who: string; organisation: string | null; action: string }[];
}

export interface TDocumentNames {
  people: { id: string; name: string }[];
  domains: { code: string; nameNl: string; nameEn: string }[];
}

const T = {
  nl: {
    title: 'Mijn gegevens',
    subtitle: (name: string, day: string) => `${name} · gemaakt op ${day}`,
    intro: [
      'Dit is alles wat Samenplan over jou bewaart, in gewone woorden. Hetzelfde staat in het JSON-bestand dat je kan downloaden.',
      'Sommige dingen mag je volgens de wet niet zien, bijvoorbeeld wat over iemand anders gaat of wat voor een rechter is. Die staan er niet in.',
    ],
    page: 'Pagina',
    me: 'Over mij',
    name: 'Naam',
    email: 'E-mail',
    role: 'Rol',
    born: 'Geboren op',
    confidantOf: 'Vertrouwenspersoon van',
    roles: { youth: 'jongere', parent: 'ouder', other: 'gezinslid', confidant: 'vertrouwenspersoon', child: 'kind', carer: 'opvoeder', sibling: 'broer of zus' } as Record<string, string>,
    family: 'Mijn gezin',
    consents: 'Toestemming',
    noConsents: 'Er is geen toestemming over jou.',
    override: 'Zonder toestemming',
    about: 'Over',
    only: 'Alleen voor',
    may: 'Mag',
    scopes: { read_plan: 'het plan lezen', edit_plan: 'het plan aanpassen', journal: 'notities schrijven' } as Record<string, string>,
    since: 'Sinds',
    until: 'Tot',
    withdrawn: 'Ingetrokken op',
    basis: { danger: 'Omdat er gevaar was', legal_duty: 'Omdat de wet het verplicht' } as Record<string, string>,
    reason: 'Reden',
    objections: 'Mijn bezwaren',
    noObjections: 'Je maakte geen bezwaar tegen een hulpverlener.',
    objectionAgainst: 'Bezwaar tegen',
    confidants: 'Mijn vertrouwenspersonen',
    noConfidants: 'Geen vertrouwenspersonen.',
    ended: 'Gestopt op',
    plan: 'Mijn plan',
    noPlan: 'Er is nog geen plan.',
    version: (n: number, day: string) => `Versie ${n}, van ${day}`,
    versionShort: 'versie',
    story: 'Ons verhaal',
    goal: 'Doel',
    priority: 'belangrijk nr.',
    action: 'Actie',
    who: 'Wie',
    dueOn: 'Tegen',
    status: { planned: 'nog te doen', in_progress: 'bezig', done: 'klaar', dropped: 'gestopt' } as Record<string, string>,
    agreement: 'Afspraak',
    strength: 'Sterk punt',
    worry: 'Zorg',
    evaluation: 'Bespreking',
    comment: 'Reactie',
    onGoal: 'bij doel',
    onAction: 'bij actie',
    myVersions: 'Wat ik in het plan schreef',
    noMyVersions: 'Je schreef nog niets in het plan.',
    journal: 'Notities van de hulpverleners',
    noJournal: 'Geen notities.',
    waits: 'Hulp waarop je wacht',
    noWaits: 'Je wacht op geen hulp.',
    waitSince: 'Wacht sinds',
    expected: 'Start verwacht op',
    meanwhile: 'Intussen',
    ateliers: 'Ateliers',
    noAteliers: 'Geen ateliers.',
    atelierOn: 'Atelier van',
    ideas: 'Ideeën',
    commitment: 'Afspraak',
    access: 'Wie keek in mijn dossier',
    noAccess: 'Nog niemand opende je dossier.',
    someone: 'iemand',
  },
  en: {
    title: 'My data',
    subtitle: (name: string, day: string) => `${name} · made on ${day}`,
    intro: [
      'This is everything Samenplan keeps about you, in plain words. The JSON file you can download holds the same.',
      'The law keeps some things from you, for example what is about someone else or what is for a court. Those are left out.',
    ],
    page: 'Page',
    me: 'About me',
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    born: 'Born on',
    confidantOf: 'Confidant of',
    roles: { youth: 'youth', parent: 'parent', other: 'family member', confidant: 'confidant', child: 'child', carer: 'carer', sibling: 'brother or sister' } as Record<string, string>,
    family: 'My family',
    consents: 'Consent',
    noConsents: 'There is no consent about you.',
    override: 'Without consent',
    about: 'About',
    only: 'Only for',
    may: 'May',
    scopes: { read_plan: 'read the plan', edit_plan: 'change the plan', journal: 'write notes' } as Record<string, string>,
    since: 'Since',
    until: 'Until',
    withdrawn: 'Withdrawn on',
    basis: { danger: 'Because there was danger', legal_duty: 'Because the law requires it' } as Record<string, string>,
    reason: 'Reason',
    objections: 'My objections',
    noObjections: 'You did not object to any professional.',
    objectionAgainst: 'Objection to',
    confidants: 'My confidants',
    noConfidants: 'No confidants.',
    ended: 'Ended on',
    plan: 'My plan',
    noPlan: 'There is no plan yet.',
    version: (n: number, day: string) => `Version ${n}, of ${day}`,
    versionShort: 'version',
    story: 'Our story',
    goal: 'Goal',
    priority: 'priority',
    action: 'Action',
    who: 'Who',
    dueOn: 'By',
    status: { planned: 'to do', in_progress: 'in progress', done: 'done', dropped: 'dropped' } as Record<string, string>,
    agreement: 'Agreement',
    strength: 'Strength',
    worry: 'Worry',
    evaluation: 'Review',
    comment: 'Comment',
    onGoal: 'on goal',
    onAction: 'on action',
    myVersions: 'What I wrote in the plan',
    noMyVersions: 'You did not write in the plan yet.',
    journal: 'Notes of the professionals',
    noJournal: 'No notes.',
    waits: 'Help you are waiting for',
    noWaits: 'You are not waiting for help.',
    waitSince: 'Waiting since',
    expected: 'Expected to start on',
    meanwhile: 'Meanwhile',
    ateliers: 'Ateliers',
    noAteliers: 'No ateliers.',
    atelierOn: 'Atelier of',
    ideas: 'Ideas',
    commitment: 'Agreement',
    access: 'Who opened my file',
    noAccess: 'Nobody opened your file yet.',
    someone: 'someone',
  },
};

const AUDIT: Record<'nl' | 'en', Record<string, string>> = {
  nl: (auditNl as { audit: { actions: Record<string, string> } }).audit.actions,
  en: (auditEn as { audit: { actions: Record<string, string> } }).audit.actions,
};

/** A day (or a moment) as the family reads it, in Brussels time. */
function dayOf(value: string, lang: 'nl' | 'en'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(date);
}
function momentOf(value: string, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(value));
}

/**
 * The readable document of "Mijn gegevens": the JSON export's data in sections with plain words.
 * It is built from the export itself, so it holds exactly what the export holds (nothing more).
 */
export function portalExportDocument(data: TExportForDocument, names: TDocumentNames, lang: 'nl' | 'en'): TReadableDocument {
  const t = T[lang];
  const day = (v: string) => dayOf(v, lang);
  const nameOf = (id: string) => names.people.find((p) => p.id === id)?.name ?? t.someone;
  const ownerName = (o: TPlanOwner) => nameOf(o.kind === 'team' ? o.personId : o.kind === 'member' ? o.memberId : o.networkPersonId);
  const domainName = (code: string) => {
    const d = names.domains.find((x) => x.code === code);
    return d ? (lang === 'en' ? d.nameEn : d.nameNl) : code;
  };
  const role = (r: string) => t.roles[r] ?? r;
  const member = (id: string | null) => (id ? (data.family.members.find((m) => m.id === id)?.name ?? t.someone) : null);

  const me: TDocEntry = {
    lines: [
      `${t.name}: ${data.me.name}`,
      `${t.email}: ${data.me.email}`,
      `${t.role}: ${role(data.me.viewer)}`,
      ...(data.me.birthDate ? [`${t.born}: ${day(data.me.birthDate)}`] : []),
      ...(data.me.confidantOf ? [`${t.confidantOf}: ${data.me.confidantOf.name}`] : []),
    ],
  };

  const consents: TDocEntry[] = data.consents.map((c) => ({
    title: c.kind === 'override' ? `${c.organisation} — ${t.override}` : c.organisation,
    lines: [
      ...(c.person ? [`${t.only}: ${c.person}`] : []),
      ...(member(c.subjectMemberId) ? [`${t.about}: ${member(c.subjectMemberId)}`] : []),
      `${t.may}: ${c.scopes.map((s) => t.scopes[s] ?? s).join(', ')}`,
      `${t.since}: ${day(c.validFrom)}${c.validUntil ? ` · ${t.until}: ${day(c.validUntil)}` : ''}`,
      ...(c.withdrawnAt ? [`${t.withdrawn}: ${day(c.withdrawnAt)}`] : []),
      ...(c.overrideBasis ? [t.basis[c.overrideBasis] ?? c.overrideBasis] : []),
      ...(c.reason ? [`${t.reason}: ${c.reason}`] : []),
    ],
  }));

  const current = data.plan.current;
  const content = current.content;
  const plan: TDocEntry[] = [];
  if (current.number > 0) {
    plan.push({ lines: [t.version(current.number, current.createdAt ? day(current.createdAt) : '')] });
    if (content.story) plan.push({ title: t.story, lines: [content.story] });
    for (const goal of [...content.goals].sort((a, b) => a.priority - b.priority)) {
      const actions = content.actions.filter((a) => a.goalKey === goal.key);
      plan.push({
        title: `${t.goal} (${t.priority} ${goal.priority}, ${domainName(goal.domain)}): ${goal.text}`,
        lines: actions.map((a) => `${t.action}: ${a.what} — ${t.who}: ${ownerName(a.owner)}${a.dueOn ? ` — ${t.dueOn} ${day(a.dueOn)}` : ''} — ${t.status[a.status] ?? a.status}`),
      });
    }
    const loose = content.actions.filter((a) => a.goalKey === null);
    if (loose.length) plan.push({ lines: loose.map((a) => `${t.action}: ${a.what} — ${t.who}: ${ownerName(a.owner)}${a.dueOn ? ` — ${t.dueOn} ${day(a.dueOn)}` : ''} — ${t.status[a.status] ?? a.status}`) });
    const lines = [
      ...content.strengths.map((s) => `${t.strength}: ${s}`),
      ...content.worries.map((s) => `${t.worry}: ${s}`),
      ...content.agreements.map((s) => `${t.agreement}: ${s}`),
      ...content.evaluations.map((e) => `${t.evaluation}: ${day(e.on)}${e.note ? ` — ${e.note}` : ''}`),
    ];
    if (lines.length) plan.push({ lines });
    const comments = (content.comments ?? []).map((c) => {
      const target = c.on?.kind === 'goal' ? content.goals.find((g) => g.key === c.on?.key)?.text : c.on?.kind === 'action' ? content.actions.find((a) => a.key === c.on?.key)?.what : undefined;
      const where = target ? ` (${c.on?.kind === 'goal' ? t.onGoal : t.onAction} “${target}”)` : '';
      return `${t.comment}${where}: “${c.text}” — ${nameOf(c.memberId)}, ${day(c.at)}`;
    });
    if (comments.length) plan.push({ lines: comments });
  }

  const sections: TDocSection[] = [
    { heading: t.me, entries: [me], empty: '' },
    { heading: t.family, entries: [{ title: data.family.name, lines: data.family.members.map((m) => `${m.name} (${role(m.role)})`) }], empty: '' },
    { heading: t.consents, entries: consents, empty: t.noConsents },
    { heading: t.objections, entries: data.objections.map((o) => ({ lines: [`${t.objectionAgainst} ${o.person} · ${t.since}: ${day(o.createdAt)}${o.withdrawnAt ? ` · ${t.withdrawn}: ${day(o.withdrawnAt)}` : ''}`] })), empty: t.noObjections },
    ...(data.me.viewer === 'youth' ? [{ heading: t.confidants, entries: data.confidants.map((c) => ({ lines: [`${c.name} (${c.email}) · ${t.since}: ${day(c.createdAt)}${c.endedAt ? ` · ${t.ended}: ${day(c.endedAt)}` : ''}`] })), empty: t.noConfidants }] : []),
    { heading: t.plan, entries: plan, empty: t.noPlan },
    { heading: t.myVersions, entries: data.plan.myVersions.length ? [{ lines: data.plan.myVersions.map((v) => `${day(v.createdAt)} — ${t.versionShort} ${v.number}: ${v.summary}`) }] : [], empty: t.noMyVersions },
    { heading: t.journal, entries: data.journal.map((j) => ({ title: `${momentOf(j.at, lang)} — ${j.author} (${j.organisation})`, lines: [j.body] })), empty: t.noJournal },
    {
      heading: t.waits,
      entries: data.waits.map((w) => ({
        title: w.service,
        lines: [`${t.waitSince}: ${day(w.sinceOn)}`, ...(w.expectedStartOn ? [`${t.expected}: ${day(w.expectedStartOn)}`] : []), ...w.bridging.map((b) => `${t.meanwhile}: ${b.what} (${b.provider})`)],
      })),
      empty: t.noWaits,
    },
    {
      heading: t.ateliers,
      entries: data.ateliers.map((a) => ({
        title: `${t.atelierOn} ${day(a.heldOn)}`,
        lines: [...(a.ideas ? [`${t.ideas}: ${a.ideas}`] : []), ...a.commitments.map((c) => `${t.commitment}: ${c.description}${c.owner ? ` — ${c.owner}` : ''}${c.dueOn ? ` — ${t.dueOn} ${day(c.dueOn)}` : ''}`)],
      })),
      empty: t.noAteliers,
    },
    {
      heading: t.access,
      entries: data.accessLog.length ? [{ lines: data.accessLog.map((a) => `${momentOf(a.at, lang)} — ${a.who}${a.organisation ? ` (${a.organisation})` : ''} — ${AUDIT[lang][a.action] ?? a.action}`) }] : [],
      empty: t.noAccess,
    },
  ];

  return { title: t.title, subtitle: t.subtitle(data.me.name, day(data.exportedAt)), intro: t.intro, sections, pageWord: t.page, lang };
}
