// Runtime: any (pure core). The shape of a tone lexicon: what a senior press officer circles in a
// draft, per language. Entries are phrases matched by stem (so inflected forms count), with a few
// markers that narrow where a phrase counts:
//   "^as if"   only at the start of a sentence ("As if we would…", not "it looks as if…");
//   "как же$"  only when punctuation or the end follows ("Поможет он, как же.", not "Как же быть?");
//   "=clearly" only these exact word forms (the stem would also take "clear");
//   "@regime"  only next to a name or a name-derived adjective ("the Veland regime", not "visa regime").

export type ToneCategory =
  'insult' | 'sarcasm' | 'blame' | 'panic' | 'evaluative' | 'slang' | 'officialese' | 'condescension' | 'dismissive' | 'empathy' | 'warmth';

export interface ToneLexicon {
  /** Abusive words about people. */
  insult: readonly string[];
  /** Irony and mockery. */
  sarcasm: readonly string[];
  /** Whole words that are laughter or mockery however they are spelled ("hahaha", "ахахах"). */
  laughter: RegExp;
  /** Labels for the other side and assigning blame. */
  blame: readonly string[];
  /** Alarm and speculation (crisis scenarios). */
  panic: readonly string[];
  /** Judgements about parties or progress (neutral tone target). */
  evaluative: readonly string[];
  /** Slang and chat register; `replacements` gives the neutral word where there is one. */
  slang: readonly string[];
  replacements: Readonly<Record<string, string>>;
  /**
   * Officialese: the clichés of a notice board or a registry letter ("please be advised", «доводим
   * до сведения», «здійснюватиметься»). Out of register where the target is warm or empathetic,
   * and in an answer to a person whatever the target, unless it is formal.
   */
  officialese: readonly string[];
  /** Talking down to the reader. */
  condescension: readonly string[];
  /**
   * Brushing off or contradicting the person answered ("nobody is forcing you", "with all due
   * respect", «вы ошибаетесь»): in public, an argument with a reader is lost whoever is right.
   */
  dismissive: readonly string[];
  /** Signs of empathy, courtesy, reassurance or a next step. */
  empathy: readonly string[];
  /** Signs of warmth: a greeting, a welcome, thanks, gladness, an invitation, good wishes. */
  warmth: readonly string[];
  /** Phrases that contain a flagged word but say something else ("don't panic", "natural disaster"). */
  exceptions: Readonly<Partial<Record<ToneCategory, readonly string[]>>>;
  /** Service names people put in quotation marks without irony («горячая линия»). */
  quotedTerms: readonly string[];
  /** Abbreviations written in capitals that are not shouting. */
  abbreviations: readonly string[];
  /**
   * Words people put in capitals to raise their voice — negations and alarm calls ("NOT", «НЕ»,
   * «УВАГА»): in capitals they are shouting on their own, however short, as no abbreviation is spelt so.
   */
  emphasis: readonly string[];
  /** Prepositions between a word and the name it belongs to ("regime in Veland", "режим в Веланде"). */
  namePrepositions: readonly string[];
  /** Adjectives made from names, written in lower case in this language ("веландский"). */
  nameAdjective?: RegExp;
}
