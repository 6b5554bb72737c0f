import type { TToolkitTexts } from '../../../shared/schemas/learning-toolkit.js';

/**
 * The first content version of the collaboration toolkit, written for Samenplan after the
 * instruments STENT Oost-Vlaanderen described (seed 000): a phase model of how collaboration
 * between sectors grows, a barometer of five criteria that mark weak or strong collaboration, and
 * a checklist of quality goals. Coordinators and platform admins edit them into new versions.
 */
export const DEFAULT_TOOLKIT_TEXTS: TToolkitTexts = {
  criteria: [
    {
      key: 'elkaar-kennen',
      title: 'Elkaar kennen',
      description: 'Hoe goed kennen de partners elkaars opdracht, aanbod, werkwijze en mensen?',
      weak: 'We weten weinig van elkaars werking en zoeken telkens opnieuw wie we moeten bellen.',
      strong: 'We kennen elkaars opdracht, aanbod en grenzen, en de mensen bij naam.',
    },
    {
      key: 'samen-doelen',
      title: 'Gedeelde doelen',
      description: 'Weten de partners wat ze samen willen bereiken voor jongeren en gezinnen?',
      weak: 'Elke organisatie werkt aan haar eigen doelen; wat we samen willen, is nooit uitgesproken.',
      strong: 'We spraken samen doelen af en kijken geregeld na of we ze halen.',
    },
    {
      key: 'afspraken',
      title: 'Duidelijke afspraken',
      description: 'Is duidelijk wie wat doet, wie wie wanneer contacteert en wat er gebeurt in een crisis?',
      weak: 'Wie wat doet, zoeken we per situatie opnieuw uit.',
      strong: 'Rollen, taken en contactmomenten liggen vast en iedereen in de teams kent ze.',
    },
    {
      key: 'communicatie',
      title: 'Open communicatie',
      description: 'Delen de partners tijdig informatie en bespreken ze ook wat moeilijk loopt?',
      weak: 'We spreken elkaar vooral aan als er iets misloopt.',
      strong: 'We overleggen op vaste momenten, delen informatie op tijd en durven ook knelpunten benoemen.',
    },
    {
      key: 'meerwaarde',
      title: 'Meerwaarde voor jongeren en gezinnen',
      description: 'Merken jongeren en gezinnen dat de organisaties samenwerken?',
      weak: 'Het is niet duidelijk wat de samenwerking oplevert voor jongeren en gezinnen.',
      strong: 'Gezinnen merken het: minder doorverwijzen, één plan en sneller de juiste hulp.',
    },
  ],
  phases: [
    { key: 'kennismaken', title: 'Kennismaken', description: 'De partners leren de andere sector kennen: wie ze zijn, wat ze doen en wat ze niet doen.' },
    { key: 'afstemmen', title: 'Afstemmen', description: 'Er is contact rond concrete jongeren of gezinnen, maar vooral per situatie en op persoonlijke basis.' },
    { key: 'samenwerken', title: 'Samenwerken', description: 'Er zijn vaste afspraken, aanspreekpunten en overlegmomenten; de partners werken samen aan één plan.' },
    { key: 'verankeren', title: 'Verankeren', description: 'De samenwerking staat in het beleid van beide organisaties, wordt jaarlijks geëvalueerd en overleeft personeelswissels.' },
  ],
  checklist: [
    { key: 'aanspreekpunt', text: 'Elke partner heeft een vast aanspreekpunt voor de samenwerking.' },
    { key: 'afspraken-op-papier', text: 'De afspraken over de samenwerking staan op papier en zijn bekend in de teams.' },
    { key: 'gezin-weet', text: 'Jongeren en ouders weten wie hun vragen opvolgt.' },
    { key: 'evaluatie', text: 'We evalueren de samenwerking minstens één keer per jaar.' },
    { key: 'knelpunten', text: 'Knelpunten worden besproken en leiden tot afspraken of acties.' },
    { key: 'nieuwe-medewerkers', text: 'Nieuwe medewerkers leren de partnerorganisatie kennen.' },
  ],
};
