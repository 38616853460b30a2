// Runtime: any (pure core). Common given names and surnames per language for the generated members
// of the public (crowd.ts), each with the Latin stem its bearer would use in a handle. Written by
// hand: a handle like "olga_smirnova" is what people type, which no transliteration table gives
// for every name.

export interface CrowdNames {
  /** [name, handle stem] */
  female: ReadonlyArray<readonly [string, string]>;
  male: ReadonlyArray<readonly [string, string]>;
  /** [male form, female form, male handle stem, female handle stem] */
  surnames: ReadonlyArray<readonly [string, string, string, string]>;
}

const same = (names: string): ReadonlyArray<readonly [string, string]> => names.split(' ').map((name) => [name, name.toLowerCase()] as const);

const invariable = (names: string): ReadonlyArray<readonly [string, string, string, string]> =>
  names.split(' ').map((name) => [name, name, name.toLowerCase(), name.toLowerCase()] as const);

/** Surnames that do not change with gender, each "Name:handle". */
const spelled = (names: string): ReadonlyArray<readonly [string, string, string, string]> =>
  names.split(' ').map((pair) => {
    const [name = '', handle = ''] = pair.split(':');
    return [name, name, handle, handle] as const;
  });

export const CROWD_NAMES: Readonly<Record<string, CrowdNames>> = {
  en: {
    female: same(
      'Emma Olivia Sophie Grace Hannah Emily Lucy Chloe Jessica Amy Laura Sarah Rachel Megan Kate Anna Claire Helen Ruth Zoe Alice Maria Nina Priya',
    ),
    male: same('James Oliver Thomas Daniel Jack Harry George William Samuel Joseph David Michael Peter Mark Paul Ben Adam Luke Chris Ryan Tom Sam Omar Raj'),
    surnames: invariable(
      'Smith Jones Taylor Brown Williams Wilson Johnson Davies Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Clarke Turner Hill Moore Cooper Ward King Baker Patel Khan',
    ),
  },
  ru: {
    female: [
      ['Анна', 'anna'],
      ['Мария', 'maria'],
      ['Елена', 'elena'],
      ['Ольга', 'olga'],
      ['Наталья', 'natalya'],
      ['Татьяна', 'tanya'],
      ['Ирина', 'irina'],
      ['Екатерина', 'katya'],
      ['Светлана', 'sveta'],
      ['Юлия', 'julia'],
      ['Дарья', 'dasha'],
      ['Ксения', 'ksenia'],
      ['Марина', 'marina'],
      ['Алина', 'alina'],
      ['Виктория', 'vika'],
      ['Полина', 'polina'],
      ['Софья', 'sofia'],
      ['Людмила', 'luda'],
      ['Галина', 'galina'],
      ['Вера', 'vera'],
      ['Надежда', 'nadya'],
      ['Анастасия', 'nastya'],
    ],
    male: [
      ['Александр', 'alex'],
      ['Дмитрий', 'dima'],
      ['Сергей', 'sergey'],
      ['Андрей', 'andrey'],
      ['Алексей', 'alexey'],
      ['Иван', 'ivan'],
      ['Михаил', 'misha'],
      ['Николай', 'nikolay'],
      ['Павел', 'pavel'],
      ['Владимир', 'vova'],
      ['Евгений', 'zhenya'],
      ['Максим', 'max'],
      ['Артём', 'artem'],
      ['Игорь', 'igor'],
      ['Роман', 'roman'],
      ['Олег', 'oleg'],
      ['Виктор', 'viktor'],
      ['Денис', 'denis'],
      ['Юрий', 'yura'],
      ['Константин', 'kostya'],
      ['Антон', 'anton'],
      ['Кирилл', 'kirill'],
    ],
    surnames: [
      ['Иванов', 'Иванова', 'ivanov', 'ivanova'],
      ['Смирнов', 'Смирнова', 'smirnov', 'smirnova'],
      ['Кузнецов', 'Кузнецова', 'kuznetsov', 'kuznetsova'],
      ['Попов', 'Попова', 'popov', 'popova'],
      ['Васильев', 'Васильева', 'vasiliev', 'vasilieva'],
      ['Петров', 'Петрова', 'petrov', 'petrova'],
      ['Соколов', 'Соколова', 'sokolov', 'sokolova'],
      ['Михайлов', 'Михайлова', 'mikhailov', 'mikhailova'],
      ['Новиков', 'Новикова', 'novikov', 'novikova'],
      ['Фёдоров', 'Фёдорова', 'fedorov', 'fedorova'],
      ['Морозов', 'Морозова', 'morozov', 'morozova'],
      ['Волков', 'Волкова', 'volkov', 'volkova'],
      ['Алексеев', 'Алексеева', 'alekseev', 'alekseeva'],
      ['Лебедев', 'Лебедева', 'lebedev', 'lebedeva'],
      ['Семёнов', 'Семёнова', 'semenov', 'semenova'],
      ['Егоров', 'Егорова', 'egorov', 'egorova'],
      ['Павлов', 'Павлова', 'pavlov', 'pavlova'],
      ['Козлов', 'Козлова', 'kozlov', 'kozlova'],
      ['Степанов', 'Степанова', 'stepanov', 'stepanova'],
      ['Николаев', 'Николаева', 'nikolaev', 'nikolaeva'],
      ['Орлов', 'Орлова', 'orlov', 'orlova'],
      ['Макаров', 'Макарова', 'makarov', 'makarova'],
      ['Захаров', 'Захарова', 'zakharov', 'zakharova'],
      ['Белов', 'Белова', 'belov', 'belova'],
      ['Григорьев', 'Григорьева', 'grigoriev', 'grigorieva'],
      ['Романов', 'Романова', 'romanov', 'romanova'],
      ['Ковалёв', 'Ковалёва', 'kovalev', 'kovaleva'],
      ['Белых', 'Белых', 'belykh', 'belykh'],
      ['Черных', 'Черных', 'chernykh', 'chernykh'],
    ],
  },
  uk: {
    female: [
      ['Олена', 'olena'],
      ['Оксана', 'oksana'],
      ['Наталія', 'natalia'],
      ['Ірина', 'iryna'],
      ['Тетяна', 'tetiana'],
      ['Юлія', 'yulia'],
      ['Марія', 'mariia'],
      ['Анна', 'anna'],
      ['Катерина', 'kateryna'],
      ['Світлана', 'svitlana'],
      ['Галина', 'halyna'],
      ['Людмила', 'liudmyla'],
      ['Вікторія', 'viktoriia'],
      ['Дарина', 'daryna'],
      ['Софія', 'sofiia'],
      ['Олександра', 'sasha'],
      ['Ганна', 'hanna'],
      ['Христина', 'khrystyna'],
      ['Ярослава', 'yaroslava'],
      ['Надія', 'nadiia'],
    ],
    male: [
      ['Олександр', 'oleksandr'],
      ['Андрій', 'andrii'],
      ['Сергій', 'serhii'],
      ['Дмитро', 'dmytro'],
      ['Володимир', 'volodymyr'],
      ['Микола', 'mykola'],
      ['Іван', 'ivan'],
      ['Юрій', 'yurii'],
      ['Олег', 'oleh'],
      ['Василь', 'vasyl'],
      ['Богдан', 'bohdan'],
      ['Тарас', 'taras'],
      ['Максим', 'maksym'],
      ['Віктор', 'viktor'],
      ['Петро', 'petro'],
      ['Михайло', 'mykhailo'],
      ['Роман', 'roman'],
      ['Ігор', 'ihor'],
      ['Артем', 'artem'],
      ['Остап', 'ostap'],
    ],
    surnames: [
      ...spelled(
        'Шевченко:shevchenko Бондаренко:bondarenko Коваленко:kovalenko Кравченко:kravchenko Ткаченко:tkachenko Олійник:oliinyk Шевчук:shevchuk Поліщук:polishchuk Бойко:boiko Мельник:melnyk Лисенко:lysenko Савченко:savchenko Руденко:rudenko Марченко:marchenko Петренко:petrenko Мороз:moroz Коваль:koval Гончаренко:honcharenko Кравчук:kravchuk Левченко:levchenko',
      ),
      ['Ковальський', 'Ковальська', 'kovalskyi', 'kovalska'],
      ['Савицький', 'Савицька', 'savytskyi', 'savytska'],
      ['Гнатюк', 'Гнатюк', 'hnatiuk', 'hnatiuk'],
      ['Павлюк', 'Павлюк', 'pavliuk', 'pavliuk'],
      ['Білецький', 'Білецька', 'biletskyi', 'biletska'],
    ],
  },
};
