/** What the episode's host says around the segments, in each language of the message table. */
export interface PodcastPhrases {
  welcome: (show: string, day: string) => string;
  guest: (name: string) => string;
  count: (papers: number) => string;
  /** Introduces the listed titles: first, then…, and finally. */
  first: string;
  then: string;
  last: string;
  goodbye: (day: string) => string;
  /** The episode's title in the feed and the MP3: its first paper, and how many follow. */
  episodeTitle: (firstTitle: string, morePapers: number) => string;
  /** eSpeak NG voices for one or two hosts, when SUMMARIZE_TTS_VOICES names none. */
  espeakVoices: [string, string];
}

const PHRASES: Record<string, PodcastPhrases> = {
  en: {
    welcome: (show, day) => `Hello and welcome to ${show} for ${day}.`,
    guest: (name) => `With me is ${name}.`,
    count: (papers) => `Today we have ${papers === 1 ? 'one paper' : `${papers} papers`}.`,
    first: 'First',
    then: 'Then',
    last: 'And finally',
    goodbye: (day) => `That is all for ${day}. The briefs, with links to every paper, are in today's edition. Thank you for listening.`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first}, and ${more === 1 ? 'one more paper' : `${more} more papers`}`),
    espeakVoices: ['en-us', 'en-gb'],
  },
  zh: {
    welcome: (show, day) => `大家好，欢迎收听${show}，今天是${day}。`,
    guest: (name) => `和我一起的是${name}。`,
    count: (papers) => `今天我们介绍${papers}篇论文。`,
    first: '首先',
    then: '然后',
    last: '最后',
    goodbye: (day) => `${day}的节目就到这里。每篇论文的简报和链接都在今天的刊物中。感谢收听。`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first}等${more + 1}篇论文`),
    espeakVoices: ['cmn', 'cmn'],
  },
  es: {
    welcome: (show, day) => `Hola y bienvenidos a ${show} del ${day}.`,
    guest: (name) => `Me acompaña ${name}.`,
    count: (papers) => `Hoy tenemos ${papers === 1 ? 'un artículo' : `${papers} artículos`}.`,
    first: 'Primero',
    then: 'Después',
    last: 'Y por último',
    goodbye: (day) => `Esto es todo por el ${day}. Los resúmenes, con enlaces a cada artículo, están en la edición de hoy. Gracias por escuchar.`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first} y ${more === 1 ? 'un artículo más' : `${more} artículos más`}`),
    espeakVoices: ['es', 'es-419'],
  },
  de: {
    welcome: (show, day) => `Hallo und willkommen bei ${show} am ${day}.`,
    guest: (name) => `Bei mir ist ${name}.`,
    count: (papers) => `Heute haben wir ${papers === 1 ? 'eine Arbeit' : `${papers} Arbeiten`}.`,
    first: 'Zuerst',
    then: 'Dann',
    last: 'Und zum Schluss',
    goodbye: (day) => `Das war es für ${day}. Die Zusammenfassungen mit Links zu jeder Arbeit stehen in der heutigen Ausgabe. Danke fürs Zuhören.`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first} und ${more === 1 ? 'eine weitere Arbeit' : `${more} weitere Arbeiten`}`),
    espeakVoices: ['de', 'de'],
  },
  fr: {
    welcome: (show, day) => `Bonjour et bienvenue dans ${show} du ${day}.`,
    guest: (name) => `Avec moi, ${name}.`,
    count: (papers) => `Aujourd’hui, ${papers === 1 ? 'un article' : `${papers} articles`}.`,
    first: 'D’abord',
    then: 'Ensuite',
    last: 'Et enfin',
    goodbye: (day) => `C’est tout pour le ${day}. Les résumés, avec les liens vers chaque article, sont dans l’édition du jour. Merci de votre écoute.`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first} et ${more === 1 ? 'un autre article' : `${more} autres articles`}`),
    espeakVoices: ['fr-fr', 'fr-be'],
  },
  ja: {
    welcome: (show, day) => `こんにちは。${show}へようこそ。${day}の放送です。`,
    guest: (name) => `今日は${name}さんと一緒です。`,
    count: (papers) => `今日は${papers}本の論文を紹介します。`,
    first: 'まず',
    then: '次に',
    last: '最後に',
    goodbye: (day) => `${day}の放送は以上です。各論文の要約とリンクは本日号にあります。お聞きいただきありがとうございました。`,
    episodeTitle: (first, more) => (more === 0 ? first : `${first}ほか${more}本の論文`),
    espeakVoices: ['ja', 'ja'],
  },
};

/** The phrases of a BCP 47 tag's language (`zh-Hans` → zh); English for any other. */
export function getPodcastPhrases(tag: string | undefined): PodcastPhrases {
  return PHRASES[(tag ?? 'en').split('-')[0]!.toLowerCase()] ?? PHRASES.en!;
}
