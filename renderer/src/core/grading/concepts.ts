// Runtime: any (pure core). The built-in library of red-line concepts an author can name instead of
// listing phrases: asking for personal data, disclosing private details, speculating on a cause,
// prejudging a case, criticising the host, promising compensation, political statements in
// cultural content, arguing with a named account, disclosing closed talks, criticising third
// countries. Each concept is a few clause patterns per language: groups of cues that must all
// appear in one sentence, read in their scope — a negated request ("we never ask for your card
// number") or a sentence that refuses to speculate ("the investigation will establish the cause")
// crosses no red line.
import type { RedLineConcept } from '../pack/schema';
import { SpanIndex } from './analysis';
import type { Token } from './text';
import type { Cue } from './cues';
import { findCue, findCueGroups } from './cues';
import { isNegated, sentences } from './scope';
import type { Span } from './types';


interface Pattern {
  /** Cue groups: one cue of every group must appear in the sentence. */
  groups: readonly (readonly Cue[])[];
  /** The first group's cue is void under a negation ("do not send", "не обещаем"). */
  negatable?: boolean;
  /** The sentence must address or name someone: a mention, a persona's name, or "you" in a reply. */
  addressed?: boolean;
  /** A refusal in the same sentence does not undo it ("Yes, such a meeting is planned, but we do not disclose its agenda"). */
  firm?: boolean;
}

interface ConceptLanguage {
  patterns: readonly Pattern[];
  /** Sentences with one of these refuse rather than cross the line ("we will not speculate"). */
  refusals?: readonly Cue[];
}

type ConceptLexicon = Readonly<Record<'en' | 'ru' | 'uk', ConceptLanguage>>;

const EN_REQUEST = ['reply', 'send', 'share', 'provide', 'give us', 'enter', 'submit', 'fill in', 'forward', 'dm us', 'message us', 'tell us', 'confirm your', 'verify your', 'write your', 'reply with', 'post your', 'upload', 'we need your', 'need your', 'require your', 'must include', 'include your', 'transfer', '=pay'];
const RU_REQUEST = ['пришл', 'присыл', 'отправ', 'сообщите', 'укаж', 'указыв', 'введ', 'ввод', 'предостав', 'напиш', 'перешл', 'подтверд', 'заполн', 'скинь', 'скиньте', 'дайте', 'нужны ваши', 'нужен ваш', 'необходимо указать', 'переведите', 'оплат', 'внес'];
const UK_REQUEST = ['надішл', 'надсил', 'відправ', 'повідомте', 'вкаж', 'вказу', 'введ', 'вводь', 'нада', 'напиш', 'перешл', 'підтверд', 'заповн', 'скинь', 'дайте', 'потрібні ваші', 'потрібен ваш', 'необхідно вказати', 'переказ', 'оплат', 'внес'];

export const CONCEPTS: Readonly<Record<RedLineConcept, ConceptLexicon>> = {
  'personal-data-request': {
    en: {
      patterns: [
        { groups: [EN_REQUEST, ['passport number', 'passport details', 'passport data', 'passport scan', 'copy of your passport', 'scan of your passport', 'photo of your passport', 'card number', 'card details', 'card data', 'bank card', 'credit card', 'debit card', 'cvv', 'cvc', '=pin', 'bank details', 'account number', 'personal data', 'personal details', 'date of birth', 'password', 'sms code', 'verification code', 'one-time code', 'iban', 'payment details', '=fee', 'fees', 'id number', 'social security', 'full name', 'digit code', 'code you have', 'code you received', 'sms', 'digits of your card', 'expiry date', 'page of your passport', 'photo of the main page', 'copy of your', 'copies of your']], negatable: true },
      ],
      refusals: ['if you have entered', 'if you entered', 'if you have already', 'if you shared', 'if you sent', 'have already entered', 'claiming to be', 'hang up', 'report it', 'never ask', 'will not ask', "won't ask", 'do not ask', 'does not ask', 'never request', 'nobody', 'no one', 'do not share', 'do not send', "don't share", "don't send", 'never share', 'never send', 'scam', 'fraud', 'fake'],
    },
    ru: {
      patterns: [
        { groups: [RU_REQUEST, ['номер паспорт', 'паспортн данн', 'данные паспорт', 'серию паспорт', 'скан паспорт', 'фото паспорт', 'копию паспорт', 'номер карт', 'данные карт', 'банковск карт', 'реквизиты карт', 'cvv', 'cvc', '=пин', 'пин код', 'реквизит', 'персональн данн', 'личн данн', 'дат рожден', 'парол', 'код из смс', 'код подтвержден', 'номер сч', 'платежн данн', 'взнос', 'сбор', 'полное имя', 'фио', 'шестизначн код', 'код, который', 'код который', 'последние четыре цифры', 'срок действия карт', 'страницы паспорт', 'страницу паспорт', 'копию вашего', 'копии ваших', 'копию диплом']], negatable: true },
      ],
      refusals: ['если вы ввели', 'если вы уже', 'если вы отправили', 'если вы сообщили', 'уже ввели', 'представивш', 'представляющ', 'представляясь', 'выдавая себя', 'положите трубку', 'сообщите нам об этом', 'никогда не', 'не просим', 'не запрашива', 'не требу', 'никто', 'не сообщайте', 'не отправляйте', 'не пересылайте', 'не передавайте', 'не вводите', 'мошенни', 'фейк', 'поддельн'],
    },
    uk: {
      patterns: [
        { groups: [UK_REQUEST, ['номер паспорт', 'паспортн дан', 'дані паспорт', 'серію паспорт', 'скан паспорт', 'фото паспорт', 'копію паспорт', 'номер картк', 'дані картк', 'банківськ картк', 'реквізити картк', 'cvv', 'cvc', '=пін', 'пін код', 'реквізит', 'персональн дан', 'особист дан', 'дат народжен', 'парол', 'код із смс', 'код з смс', 'код підтвердж', 'номер рахунк', 'платіжн дан', 'внес', 'збір', 'повне ім', 'піб', 'шестизначн код', 'код, який', 'код який', 'останні чотири цифри', 'термін дії картк', 'сторінки паспорт', 'сторінку паспорт', 'копію вашого', 'копії ваших', 'копію диплом']], negatable: true },
      ],
      refusals: ['якщо ви ввели', 'якщо ви вже', 'якщо ви надіслали', 'якщо ви повідомили', 'вже ввели', 'називає себе', 'назвавш', 'видаючи себе', 'представляючись', 'покладіть слухавку', 'повідомте нам про це', 'ніколи не', 'не просимо', 'не запитуємо', 'не вимагаємо', 'ніхто', 'не повідомляйте', 'не надсилайте', 'не пересилайте', 'не передавайте', 'не вводьте', 'шахра', 'фейк', 'підробн'],
    },
  },
  'private-details': {
    en: {
      patterns: [
        {
          negatable: true,
          groups: [['fracture', 'broken leg', 'broken arm', 'broken neck', 'broken back', 'broken rib', 'coma', 'unconscious', 'surgery', 'operated on', 'intensive care', '=icu', 'ventilator', 'critical condition', 'serious condition', 'stable condition', 'condition is', 'diagnos', 'amputat', 'spinal', 'skull', 'head injur', 'concussion', 'paralys', 'burns', 'bleeding', 'internal injur', 'life support', 'in hospital with', 'pregnan', 'mental health', 'good health', 'healthy', 'health is', 'hunger strike', 'eating normally', 'medication', 'lost weight', 'depress', 'home address', 'his wife', 'her husband', 'his children', 'her children', 'alcohol addiction', 'diabetic', 'diabetes', 'insulin', '=hiv', 'addiction', 'chemotherapy', 'cancer', 'divorced', 'psychiatric']],
        },
      ],
      refusals: ['privacy', 'private', 'confidential', 'cannot share', 'cannot disclose', 'will not share', 'will not disclose', 'not able to share', 'no details', 'not comment on', 'not disclose', 'respect the', 'at the request of the family', "family's wish", 'family has asked'],
    },
    ru: {
      patterns: [
        {
          negatable: true,
          groups: [['перелом', 'кома', 'коме', 'без сознания', 'прооперир', 'операцию на', 'перенес операц', 'реанимац', 'тяжелом состоянии', 'тяжелое состояние', 'стабильн состоян', 'состояние стабильн', 'крайне тяжел', 'состояние здоровья', 'диагноз', 'ампутац', 'позвоноч', 'череп', 'сотрясен', 'ожог', 'паралич', 'аппарат ивл', 'беремен', 'психическ', 'ранени', 'здоров', 'голодовк', 'лекарств', 'питается', 'похудел', 'депресс', 'домашн адрес', 'его жена', 'ее муж', 'его дети', 'ее дети', 'алкогольн зависим', 'диабет', 'инсулин', '=вич', 'зависимост', 'алкогол', 'химиотерап', '=рак', 'онколог', 'развед', 'психиатр']],
        },
      ],
      refusals: ['частн жизн', 'конфиденциальн', 'не можем сообщ', 'не разглаша', 'не сообща', 'не раскрыва', 'не комментиру', 'по просьбе семьи', 'просьб семьи', 'семья просит', 'уважени', 'деликатн'],
    },
    uk: {
      patterns: [
        {
          negatable: true,
          groups: [['перелом', 'кома', 'комі', 'без свідомості', 'прооперов', 'операцію на', 'переніс операц', 'реанімац', 'важкому стані', 'важкий стан', 'стабільн стан', 'стан стабільн', 'вкрай важк', 'стан здоров', 'діагноз', 'ампутац', 'хребт', 'череп', 'струс', 'опік', 'паралі', 'апарат швл', 'вагітн', 'психічн', 'поранен', 'здоров', 'голодуван', 'ліки', 'харчується', 'схуд', 'депрес', 'домашн адрес', 'його дружин', 'її чолов', 'його діт', 'її діт', 'алкогольн залежн', 'діабет', 'інсулін', '=віл', 'залежніст', 'алкогол', 'хіміотерап', '=рак', 'онколог', 'розлуч', 'психіатр']],
        },
      ],
      refusals: ['приватн', 'конфіденційн', 'не можемо повідом', 'не розголош', 'не повідомля', 'не розкрива', 'не коментує', 'на прохання родини', 'прохання родини', 'родина просить', 'повагу', 'делікатн'],
    },
  },
  'cause-speculation': {
    en: {
      patterns: [
        { groups: [['caused by', 'the cause was', 'the cause is', 'was to blame', 'is to blame', 'blamed on', 'fell asleep', 'speeding', 'drunk', 'brake failure', 'faulty', 'negligen', 'human error', 'technical fault', 'mechanical failure', 'arson', 'deliberately set', 'sabotage', 'started the clash', 'started the fight', 'provoked', 'provocation', 'among the dead', 'death toll will', 'toll will rise', 'gas leak', 'faulty wiring', 'pilot error', 'are behind the', 'is behind the', 'stand behind the']] },
        {
          groups: [
            ['probably', 'likely', 'most likely', 'likeliest', 'almost certainly', 'everything suggests', 'sparked by', 'result of a', 'reason the', 'apparently', 'seems', 'appears to', 'must have', 'may have', 'might have', 'could have', 'we believe', 'we suspect', 'suspected', 'perhaps', 'maybe', 'possibly'],
            ['cause', 'caused', 'crash', 'accident', 'fire', 'driver', 'incident', 'happened', 'collision', 'explosion', 'blaze', 'started', 'lost control', 'access', 'hack', 'attack', 'behind'],
          ],
        },
      ],
      refusals: ['too early', 'not speculate', 'no speculation', 'avoid speculat', 'will establish', 'will determine', 'to establish', 'to determine', 'being investigated', 'under investigation', 'investigation is', 'await the', 'awaiting the', 'will be established', 'will be determined', 'not yet known', 'unknown'],
    },
    ru: {
      patterns: [
        { groups: [['причиной стал', 'причиной авари', 'причиной пожар', 'причина в том', 'виноват', 'заснул', 'уснул', 'превышен скорост', 'превысил скорост', 'пьян', 'нетрезв', 'отказ тормоз', 'неисправн', 'халатност', 'человеческ фактор', 'техническ неисправн', 'поджог', 'умышленн', 'диверс', 'начали столкновен', 'начали драк', 'спровоцир', 'провокац', 'среди погибших', 'число погибших', 'утечк газ', 'неисправн проводк', 'ошибк пилот', 'стоят за', 'стоит за']] },
        {
          groups: [
            ['вероятно', 'скорее всего', 'наиболее вероятн', 'почти наверняка', 'все указывает', 'стала результатом', 'стал результатом', 'спровоцирован', 'по-видимому', 'видимо', 'похоже', 'возможно', 'предположительно', 'может быть', 'подозрева', 'судя по всему'],
            ['причин', 'авари', 'дтп', 'пожар', 'возгоран', 'водител', 'случил', 'произош', 'столкнов', 'взрыв', 'потерял управлен', 'катастроф', 'доступ', 'взлом', 'атак'],
          ],
        },
      ],
      refusals: ['рано', 'не будем гада', 'не будем строить', 'не спекулир', 'воздерж', 'установит', 'установлен', 'выясня', 'выяснит', 'расследован', 'следстви', 'пока неизвестн', 'не известн'],
    },
    uk: {
      patterns: [
        { groups: [['причиною стал', 'причиною авар', 'причиною пожеж', 'причина в тому', 'винен', 'заснув', 'перевищен швидкост', 'перевищив швидкіст', "п'ян", 'нетверез', 'відмов гальм', 'несправн', 'недбал', 'людськ фактор', 'технічн несправн', 'підпал', 'умисн', 'диверс', 'почали сутичк', 'почали бійк', 'спровокува', 'провокац', 'серед загиблих', 'кількість загиблих', 'витік газ', 'несправн проводк', 'помилк пілот', 'стоять за', 'стоїть за']] },
        {
          groups: [
            ['ймовірно', 'імовірно', 'найімовірніше', 'майже напевно', 'все вказує', 'стала результатом', 'став результатом', 'спровокован', 'мабуть', 'схоже', 'можливо', 'напевно', 'підозрю', 'судячи з усього'],
            ['причин', 'авар', 'дтп', 'пожеж', 'займан', 'водій', 'водія', 'сталос', 'трапил', 'зіткнен', 'вибух', 'втратив керуван', 'катастроф', 'доступ', 'злам', 'атак'],
          ],
        },
      ],
      refusals: ['зарано', 'рано', 'не будемо гада', 'не будемо спекул', 'утрима', 'встановить', 'встановлен', "з'ясову", "з'ясує", 'розслідуван', 'слідств', 'поки невідом', 'невідом'],
    },
  },
  'prejudging-case': {
    en: {
      patterns: [
        { groups: [['guilty', 'innocent', 'innocence', 'acquit', 'convicted', 'will be released', 'will be freed', 'be set free', 'did nothing wrong', 'committed no crime', 'is a criminal', 'wrongly accused', 'false accusation', 'false charges', 'trumped-up', 'fabricated charges', 'politically motivated', 'unjust', 'unlawful', 'illegal detention', 'illegally detained', 'will be cleared', 'should be punished', 'will go to prison', 'only doing his job', 'only doing her job', 'just doing his job', 'just doing her job', 'soon be home', 'soon be released', 'kangaroo court', 'political persecution', 'show trial', 'will be dropped', 'to be dropped', 'will not stand', 'full release', 'life imprisonment', 'appeal will succeed', 'be overturned', 'deserves nothing less']] },
      ],
      refusals: ['presumption of innocence', 'not for us', 'court will decide', 'for the court', 'courts to decide', 'not comment on the', 'do not comment on', 'merits of the case', 'due process'],
    },
    ru: {
      patterns: [
        { groups: [['виновн', 'невиновн', 'не виноват', 'оправда', 'осужден', 'будет освобожден', 'освободят', 'отпустят', 'ничего не нарушал', 'не совершал', 'преступник', 'сфабрикова', 'ложн обвинен', 'надуман', 'политически мотивир', 'незаконн задержан', 'незаконно задерж', 'несправедлив', 'должен быть наказан', 'делал свою работу', 'выполнял свою работу', 'вскоре вернется', 'скоро вернется', 'скоро будет дома', 'вскоре будет освобожден', 'политическ преследован', 'показательн процесс', 'не устоят', 'полным освобождением', 'пожизненн', 'апелляция будет удовлетворена', 'приговор отменят']] },
      ],
      refusals: ['должен суд', 'решает суд', 'презумпц', 'не нам суд', 'решит суд', 'решать суду', 'не комментируем', 'существ дела', 'надлежащ правов'],
    },
    uk: {
      patterns: [
        { groups: [['винн', 'невинн', 'не винен', 'виправда', 'засуджен', 'буде звільнен', 'звільнять', 'відпустять', 'нічого не порушував', 'не вчиняв', 'злочинець', 'сфабрикован', 'неправдив звинувачен', 'надуман', 'політично вмотивован', 'незаконн затриман', 'незаконно затрима', 'несправедлив', 'має бути покаран', 'робив свою роботу', 'виконував свою роботу', 'незабаром повернеться', 'скоро повернеться', 'скоро буде вдома', 'політичн переслідуван', 'показов процес', 'не встоять', 'повним звільненням', 'довічн', 'апеляцію буде задоволено', 'вирок скасують']] },
      ],
      refusals: ['має суд', 'вирішує суд', 'презумпц', 'не нам суд', 'вирішить суд', 'вирішувати суду', 'не коментуємо', 'суті справи', 'належн правов'],
    },
  },
  'host-criticism': {
    en: {
      patterns: [
        {
          groups: [
            ['authorities', 'police', 'government', 'officials', '=court', 'courts', 'judges', 'ministry', 'border guards', 'emergency services', 'rescue services', 'rescuers', 'local services', 'prosecutor', 'hospital', 'doctors', 'firefighters', 'airport', 'officers', 'interior ministry', 'investigation', 'local courts'],
            ['incompetent', 'failed', 'failure', 'inaction', 'negligen', 'too slow', 'so slow', 'far too late', 'too late', 'corrupt', 'brutal', 'did nothing', 'do nothing', 'doing nothing', 'unacceptable', 'shameful', 'chaotic', 'abandoned', 'ignored', 'unprofessional', 'arbitrary', 'ineffective', 'inadequate', 'lack of', 'not coping', 'far too slow', 'cannot cope', 'mishandl', 'botched', 'disgrace', 'careless', 'useless', 'blame', 'took hours', 'fend for themselves', 'not as quick', 'not quick enough', 'more interested in', 'making an example', 'accidental', 'rude', 'its image', 'regrettabl'],
          ],
        },
      ],
    },
    ru: {
      patterns: [
        {
          groups: [
            ['власт', 'полици', 'правительств', 'чиновник', '=суд', 'суда', 'суде', 'судом', 'суды', 'судов', 'судь', 'министерств', 'пограничник', 'спасател', 'служб', 'прокурор', 'больниц', 'врач', 'пожарн', 'аэропорт', 'сотрудник', '=мвд', 'следстви', 'расследовани'],
            ['некомпетент', 'бездейств', 'халатн', 'медленн', 'слишком поздно', 'поздно', 'коррумп', 'жесток', 'ничего не сдела', 'ничего не дела', 'недопустим', 'позорн', 'хаотичн', 'бросил', 'игнорир', 'непрофессионал', 'произвол', 'неэффективн', 'не справил', 'не справля', 'провалил', 'неадекват', 'безобрази', 'часами', 'сами себе', 'не так быстро', 'не слишком быстро', 'больше интересует', 'больше заинтересован', 'показательн', 'случайн', 'грубост', 'грубо', 'имидж', 'прискорбн'],
          ],
        },
      ],
    },
    uk: {
      patterns: [
        {
          groups: [
            ['влад', 'поліці', 'уряд', 'посадовц', 'чиновник', '=суд', 'суду', 'суді', 'судом', 'суди', 'судів', 'судд', 'міністерств', 'прикордонник', 'рятувальник', 'служб', 'прокурор', 'лікарн', 'лікар', 'пожежн', 'аеропорт', 'працівник', '=мвс', 'слідств', 'розслідуван'],
            ['некомпетент', 'бездіяльн', 'недбал', 'повільн', 'занадто пізно', 'запізно', 'пізно', 'корумп', 'жорсток', 'нічого не зроби', 'нічого не роб', 'неприпустим', 'ганебн', 'хаотичн', 'покинул', 'ігнору', 'непрофесій', 'свавіл', 'неефективн', 'не впорал', 'не впорую', 'не дають ради', 'провалил', 'неадекват', 'неподобств', 'годинами', 'напризволяще', 'не так швидко', 'більше цікавить', 'більше зацікавлен', 'показов', 'випадков', 'грубіст', 'грубо', 'імідж', 'прикро'],
          ],
        },
      ],
    },
  },
  'compensation-promise': {
    en: {
      patterns: [
        {
          groups: [
            ['will', "we'll", 'shall', 'guarantee', 'promise', 'ensure', 'assure', 'entitled', 'count on', 'will get', 'will receive'],
            ['compensat', 'refund', 'reimburs', 'pay for', 'pay the', 'cover the cost', 'cover all', 'cover your', 'costs will be covered', 'free of charge', 'at no cost', 'free flight', 'free ticket', 'free accommodation', 'financial assistance', 'financial support', 'damages', 'money back', 'replace their', 'replace your', 'cover the', 'pay for the', 'hotel nights', 'accommodation costs', 'paid back', 'fee back', 'get back'],
          ],
          negatable: true,
        },
      ],
      refusals: ['cannot promise', 'not able to', 'unable to', 'does not cover', 'do not cover', 'is not responsible', 'insurer', 'insurance', 'not in a position'],
    },
    ru: {
      patterns: [
        {
          groups: [
            ['буд~', 'гарантир', 'обеща', 'обеспеч', 'компенсиру', 'возмест', 'оплатим', 'выплатим', 'берем на себя', 'получат', 'положена', 'положено', 'могут рассчитывать', 'можете рассчитывать', 'вернем', 'покроет', 'оплатит', 'возьмет на себя'],
            ['компенсац', 'возмещ', 'бесплатн', 'за счет государства', 'за счет посольства', 'выплат', 'материальн помощ', 'финансов помощ', 'деньг', 'деньги', 'возврат', 'расход', 'проживани', 'гостиниц'],
          ],
          negatable: true,
        },
      ],
      refusals: ['не можем обеща', 'не можем гарантир', 'не покрыва', 'не оплачива', 'не несет', 'страхов'],
    },
    uk: {
      patterns: [
        {
          groups: [
            ['буд~', 'гаранту', 'обіця', 'забезпеч', 'компенсу', 'відшкоду', 'оплатимо', 'виплатимо', 'беремо на себе', 'отримають', 'належить', 'можуть розраховувати', 'можете розраховувати', 'повернемо', 'покриє', 'оплатить', 'візьме на себе'],
            ['компенсац', 'відшкодув', 'безкоштовн', 'за рахунок держави', 'за рахунок посольства', 'виплат', 'матеріальн допомог', 'фінансов допомог', 'грош', 'гроші', 'повернення кошт', 'витрат', 'проживанн', 'готел'],
          ],
          negatable: true,
        },
      ],
      refusals: ['не можемо обіця', 'не можемо гарантув', 'не покриває', 'не оплачує', 'не несе', 'страхов'],
    },
  },
  'political-statement': {
    en: {
      patterns: [{ groups: [['sanction', '=war', 'wars', 'aggression', 'aggressor', 'occupation', 'occupier', 'invasion', 'dictator', 'propaganda', 'annex', 'genocide', 'politics', 'political', 'government policy', 'human rights violation', 'the conflict', 'war crimes', 'our position on', 'principled position', 'position of principle', 'opposition', 'wise leadership', 'leadership of president', 'foreign pressure', 'is ours and always', 'really owns', 'would love to silence', 'government\'s reforms', 'predecessors', 'tried to stop']], negatable: true }],
      refusals: ['not about politics', 'not political', 'apolitical', 'outside politics', 'beyond politics', 'culture, not', 'above politics', 'no place for politics', 'official position', 'official positions', 'ministry comments', 'for the ministry'],
    },
    ru: {
      patterns: [{ groups: [['санкци', 'войн', 'агресс', 'оккупац', 'оккупант', 'вторжен', 'диктат', 'пропаганд', 'аннекс', 'геноцид', 'политик', 'политическ', 'конфликт', 'военн преступлен', 'наша позиция по', 'принципиальн позиц', 'оппозици', 'мудр руководств', 'иностранн давлени', 'наш и всегда', 'на самом деле принадлеж', 'реформ правительств', 'предшественник', 'пытался помешать', 'пытались помешать']], negatable: true }],
      refusals: ['вне политики', 'не о политике', 'не про политику', 'аполитичн', 'не политическ', 'культура, а не', 'вне политик', 'официальн позиц', 'мид комментиру', 'комментирует мид'],
    },
    uk: {
      patterns: [{ groups: [['санкці', 'війн', 'агрес', 'окупац', 'окупант', 'вторгн', 'диктат', 'пропаганд', 'анекс', 'геноцид', 'політик', 'політичн', 'конфлікт', 'воєнн злочин', 'наша позиція щодо', 'принципов позиц', 'опозиці', 'мудр керівництв', 'іноземн тиск', 'наш і завжди', 'насправді належ', 'реформ уряд', 'попередник', 'намагався завадити', 'намагалися завадити']], negatable: true }],
      refusals: ['поза політикою', 'не про політику', 'аполітичн', 'не політичн', 'культура, а не', 'офіційн позиц', 'мзс коментує', 'коментує мзс'],
    },
  },
  'arguing-with-account': {
    en: {
      patterns: [
        {
          groups: [['you are wrong', "you're wrong", 'wrong about', 'got it wrong', 'false', '=lie', 'lies', 'lying', 'liar', 'mislead', 'not true', 'untrue', 'nonsense', 'ridiculous', 'absurd', 'stop spreading', 'get your facts', 'check your facts', 'check the facts', 'do your research', 'hasn\'t read', 'has not read', 'rant', 'clearly you', 'you obviously', 'your claims', 'your accusations', 'irresponsible', 'manipulat', 'distort', 'shame on', 'should know better', 'ignorant', 'baseless', 'you failed', 'fairy tale', 'nice try', 'try reading', 'at least we', 'embarrassing', 'clicks over', 'never actually']],
          addressed: true,
        },
      ],
    },
    ru: {
      patterns: [
        {
          groups: [['ошибаетесь', 'ошибаешься', 'неправы', 'не правы', 'неправда', 'ложь', 'лжет', 'лжете', 'врете', 'вводите в заблуждение', 'вранье', 'чушь', 'нелеп', 'абсурд', 'прекратите', 'проверьте факты', 'ваши утверждения', 'ваши обвинения', 'ваши домыслы', 'стыдно', 'безответствен', 'манипулир', 'искажа', 'передерг', 'голословн', 'сказк', 'неплохая попытка', 'хорошая попытка', 'попробовать прочитать', 'по крайней мере мы', 'хотя бы мы', 'неловко', 'клики']],
          addressed: true,
        },
      ],
    },
    uk: {
      patterns: [
        {
          groups: [['помиляєте', 'помиляєшся', 'неправі', 'не праві', 'неправда', 'брехн', 'брешете', 'вводите в оману', 'нісенітниц', 'безглузд', 'абсурд', 'припиніть', 'перевірте факти', 'ваші твердження', 'ваші звинувачення', 'ваші вигадки', 'соромно', 'безвідповідальн', 'маніпулю', 'перекручу', 'голослівн', 'казк', 'гарна спроба', 'непогана спроба', 'спробувати прочитати', 'принаймні ми', 'ніяково', 'кліки']],
          addressed: true,
        },
      ],
    },
  },
  'closed-talks-disclosure': {
    en: {
      patterns: [
        {
          groups: [['discussed', 'talked about', 'agreed on', 'raised the issue', 'raised the question', 'focused on', 'the agenda included', 'topics included', 'touched on', 'addressed the issue', 'exchanged views on', 'disagreed', 'walked out', 'insisted', 'demanded', 'rejected', 'contact was made', 'made contact', 'established contact', 'first contact', 'in contact with the', 'agreed in principle', 'in exchange for', 'ransom', 'would not sign', 'intermediary', 'hinted', 'contact with the kidnappers', 'contact with the abductors']],
          negatable: true,
        },
        { groups: [['closed', 'private', 'behind closed doors', 'closed-door', 'confidential'], ['attended', 'participants', 'present were', 'took part', 'was present', 'were present']], negatable: true },
        { groups: [['we confirm', 'yes, such', 'there was no', 'did not take place', 'no such meeting', 'is on the programme', 'is on the program', 'will take place behind', 'of that kind', 'of this kind', 'no such'], ['closed', 'meeting', 'session']], negatable: true, firm: true },
      ],
      refusals: ['not comment', 'cannot comment', 'not able to comment', 'neither confirm nor deny', 'not speak about', 'we will not', 'will not confirm', 'speculation', 'do not comment', 'will not comment', 'not disclose', 'not be disclosed', 'remain confidential', 'not comment on the content', 'no comment'],
    },
    ru: {
      patterns: [
        {
          groups: [['обсудил', 'обсуждал', 'обсуждают', 'говорили о', 'договорились о', 'затронул', 'подняли вопрос', 'поднял вопрос', 'сосредоточил', 'в повестке', 'на повестке', 'обменялись мнениями', 'разногласи', 'покинул', 'настаива', 'потребовал', 'отклонил', 'вышли на связь', 'установлен контакт', 'установили контакт', 'первый контакт', 'в принципе согласил', 'в обмен на', 'выкуп', 'не подпишет', 'посредник', 'намекнул', 'готова снизить', 'контакт с похитител']],
          negatable: true,
        },
        { groups: [['закрыт', 'за закрытыми дверями', 'конфиденциальн'], ['участвовал', 'участник', 'присутствовал', 'принял участие', 'приняли участие']], negatable: true },
        { groups: [['подтверждаем', 'да, такая', 'такая встреча', 'не было', 'не проводилась', 'не состоялась', 'есть в программе', 'нет в программе', 'такого рода'], ['закрыт', 'встреч', 'заседани']], negatable: true, firm: true },
      ],
      refusals: ['не можем комментировать', 'ни подтверждать, ни опровергать', 'ни подтверждаем, ни опровергаем', 'мы не будем', 'не будем подтверждать', 'не подтверждаем', 'домысл', 'спекуляц', 'не комментируем', 'не будем комментировать', 'не разглаша', 'не раскрыва', 'остается конфиденциальн', 'остаются конфиденциальн'],
    },
    uk: {
      patterns: [
        {
          groups: [['обговорил', 'обговорювал', 'обговорюють', 'говорили про', 'домовилися про', 'торкнул', 'порушили питання', 'порушив питання', 'зосередил', 'обмінялися думками', 'розбіжност', 'наполяга', 'вимагал', 'відхилил', 'вийшли на зв', 'встановлено контакт', 'встановили контакт', 'перший контакт', 'в принципі погодил', 'в обмін на', 'викуп', 'не підпише', 'посередник', 'натякнув', 'готова знизити', 'контакт із викрадач', 'контакт з викрадач']],
          negatable: true,
        },
        { groups: [['закрит', 'за зачиненими дверима', 'конфіденційн'], ['брали участь', 'взяли участь', 'учасник', 'були присутні', 'був присутній', 'присутн']], negatable: true },
        { groups: [['підтверджуємо', 'так, така', 'така зустріч', 'не було', 'не проводилася', 'не відбулася', 'є в програмі', 'немає в програмі', 'такого роду'], ['закрит', 'зустріч', 'засідан']], negatable: true, firm: true },
      ],
      refusals: ['не можемо коментувати', 'ні підтверджувати, ні спростовувати', 'ні підтверджуємо, ні спростовуємо', 'ми не будемо', 'домисл', 'не підтверджуватимемо', 'не підтверджуємо', 'вигадк', 'спекуляці', 'не коментуємо', 'не коментуватимемо', 'не розголош', 'не розкрива', 'залишається конфіденційн', 'залишаються конфіденційн'],
    },
  },
  'third-party-criticism': {
    en: {
      patterns: [{ groups: [['junta', 'aggressor', 'puppet', 'rogue state', 'hostile states', 'hostile countries', 'some neighbours', 'some neighbors', 'certain neighbours', 'certain neighbors', 'certain countries', 'some countries', 'certain forces', 'some capitals', 'unfriendly', 'warmonger', 'our neighbours could learn', 'unlike some', 'unlike certain', 'contempt for', 'lecturing others', 'know who we mean', 'never been their strength', 'certain capitals', 'bully', 'fears the truth']] }],
    },
    ru: {
      patterns: [{ groups: [['хунт', 'агрессор', 'марионет', 'некоторые соседи', 'некие соседи', 'некоторых соседей', 'отдельные страны', 'некоторые страны', 'некоторых стран', 'некие силы', 'определенные силы', 'недружественн', 'враждебн', 'в отличие от некоторых', 'кое-кто из соседей', 'презрение к', 'поучая других', 'поучают других', 'понимаете, о ком', 'никогда не было их сильной', 'некоторые столицы', 'запугива', 'боится правды']] }],
    },
    uk: {
      patterns: [{ groups: [['хунт', 'агресор', 'маріонет', 'деякі сусіди', 'деяких сусідів', 'окремі країни', 'деякі країни', 'деяких країн', 'певні сили', 'недружн', 'ворож', 'на відміну від деяких', 'дехто із сусідів', 'зневагу до', 'зневага до', 'повчаючи інших', 'повчають інших', 'розумієте, про кого', 'ніколи не було їхньою сильною', 'деякі столиці', 'залякува', 'боїться правди']] }],
    },
  },
};

export interface ConceptMatch extends Span {
  concept: RedLineConcept;
}

export interface ConceptContext {
  /** The draft is a reply: "you" addresses the account replied to. */
  reply: boolean;
  /** Name words (folded) of the scenario's people and accounts, for "addressed" patterns. */
  names: ReadonlySet<string>;
  /** Spans of mentions (@handle) in the draft. */
  mentions: readonly Span[];
  /** Spans that are not the author's own words (quotations, rebutted claims). */
  reported: readonly Span[];
}

const SECOND_PERSON = new Set(['you', 'your', 'yours', 'вы', 'вас', 'вам', 'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей', 'вашим', 'ты', 'тебя', 'тебе', 'твой', 'ви', 'ваші', 'ти', 'тобі', 'твій']);

function addressed(tokens: readonly Token[], first: number, last: number, span: Span, context: ConceptContext): boolean {
  if (context.mentions.some((mention) => mention.start >= span.start - 200 && mention.end <= span.end + 200)) return true;
  for (let i = first; i <= last; i += 1) {
    const token = tokens[i]!;
    if (context.names.has(token.folded) && /^\p{Lu}/u.test(token.text)) return true;
    if (context.reply && SECOND_PERSON.has(token.folded)) return true;
  }
  return false;
}

/** Where a draft crosses one of `concepts`, in `language`: one match per concept and sentence. */
export function findConcepts(text: string, tokens: readonly Token[], language: string, concepts: readonly RedLineConcept[], context: ConceptContext): ConceptMatch[] {
  const matches: ConceptMatch[] = [];
  if (!concepts.length || !tokens.length) return matches;
  const lang = language === 'ru' || language === 'uk' ? language : 'en';
  const reported = new SpanIndex(context.reported);
  for (const sentence of sentences(text, tokens)) {
    for (const concept of concepts) {
      const lexicon = CONCEPTS[concept][lang];
      const refused = lexicon.refusals?.some((cue) => findCue(tokens, sentence.first, sentence.last, cue)) ?? false;
      for (const pattern of lexicon.patterns) {
        if (refused && !pattern.firm) continue;
        const found = findCueGroups(tokens, sentence.first, sentence.last, pattern.groups);
        if (!found) continue;
        const { hits, span } = found;
        if (pattern.negatable && isNegated(text, tokens, hits[0]!.index)) continue;
        if (reported.contains(span)) continue;
        if (pattern.addressed && !addressed(tokens, sentence.first, sentence.last, span, context)) continue;
        matches.push({ ...span, concept });
        break;
      }
    }
  }
  return matches;
}
