// British and American spellings of one word share a key: "modernise" and "modernize",
// "colour" and "color", "centre" and "center", "travelled" and "traveled", "programme" and
// "program". Used where two quotations are compared (a spelling-only variant is no misquote) and
// under the content words that align statements.

/** Words ending in -ise, -ised, -ising that have no -ize spelling. */
const ISE_WORDS = new Set(
  (
    'advise|arise|chastise|circumcise|compromise|concise|comprise|despise|devise|disguise|enterprise|excise|exercise|' +
    'expertise|franchise|improvise|incise|merchandise|noise|otherwise|paradise|poise|porpoise|praise|precise|premise|promise|raise|' +
    'reprise|revise|rise|supervise|surmise|surprise|televise|treatise|wise|anise|apprise|guise|likewise|clockwise|cruise|bruise|' +
    'demise|chemise|tortoise|turquoise|valise|mortise|braise|appraise|upraise|advertise|enfranchise|disenfranchise|sunrise|moonrise|exorcise'
  ).split('|'),
);
/** Words ending in -our that are not British spellings of -or. */
const OUR_WORDS = new Set('our|four|hour|your|tour|pour|flour|sour|dour|detour|contour|devour|scour|amour|troubadour|paramour|velour'.split('|'));
/** Roots that double their final l before -ed, -ing, -er in British spelling only. */
const DOUBLE_L =
  /^(travel|cancel|label|model|signal|fuel|total|channel|level|counsel|dial|equal|rival|tunnel|shovel|marshal|jewel|quarrel|pencil|panel|libel|enamel|funnel|gravel|kennel|marvel|pedal|snorkel|tinsel|towel|yodel)l(ed|ing|er|ers)$/;
const SINGLE_WORDS: Record<string, string> = {
  programme: 'program',
  programmes: 'programs',
  judgement: 'judgment',
  judgements: 'judgments',
  ageing: 'aging',
  grey: 'gray',
  defence: 'defense',
  defences: 'defenses',
  offence: 'offense',
  offences: 'offenses',
  licence: 'license',
  licences: 'licenses',
  pretence: 'pretense',
  tyre: 'tire',
  tyres: 'tires',
  kerb: 'curb',
  plough: 'plow',
  sceptic: 'skeptic',
  sceptical: 'skeptical',
  manoeuvre: 'maneuver',
  manoeuvres: 'maneuvers',
  aluminium: 'aluminum',
  enrol: 'enroll',
  enrolment: 'enrollment',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  instalment: 'installment',
  whilst: 'while',
  amongst: 'among',
  cheque: 'check',
  storey: 'story',
  storeys: 'stories',
  draught: 'draft',
  pyjamas: 'pajamas',
  mould: 'mold',
  moult: 'molt',
  smoulder: 'smolder',
};

/**
 * The American spelling of a lowercase word (its own spelling when it has no other). Deliberately
 * small: rules that only fold known British endings, so that two different words never meet.
 */
export function americanSpelling(word: string): string {
  const single = SINGLE_WORDS[word];
  if (single) return single;
  if (word.length < 5) return word;
  const l = DOUBLE_L.exec(word);
  if (l) return l[1] + l[2];
  // -ise -ised -ises -ising -isation -iser
  const ise = /^(.{3,})is(e|ed|es|ing|ation|ations|er|ers)$/.exec(word);
  if (ise && !ISE_WORDS.has(ise[1] + 'ise')) return `${ise[1]}iz${ise[2]}`;
  const yse = /^(.+(?:al|at|ar))ys(e|ed|es|ing)$/.exec(word);
  if (yse) return `${yse[1]}yz${yse[2]}`;
  const our = /^(.+)our(s|ed|ing|ite|ites|able|ful|less)?$/.exec(word);
  if (our && !OUR_WORDS.has(`${our[1]}our`) && our[1].length >= 2) return `${our[1]}or${our[2] ?? ''}`;
  const tre = /^(.{2,})([tb])re(s)?$/.exec(word);
  if (tre) return `${tre[1]}${tre[2]}er${tre[3] ?? ''}`;
  const logue = /^(.+)(logue|gogue)(s)?$/.exec(word);
  if (logue) return `${logue[1]}${logue[2].slice(0, -2)}${logue[3] ?? ''}`;
  return word;
}
