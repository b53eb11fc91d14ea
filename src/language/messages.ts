/** The words the reader sees around the model's text, in each language the tool writes. */
export interface Messages {
  /** The language's name in English, for the prompt. */
  name: string;
  topicAndDomain: string;
  previousResearchAndNewIdeas: string;
  problem: string;
  methods: string;
  resultsAndEvaluation: string;
  methodFlowchart: string;
  critique: string;
  strengths: string;
  limitations: string;
  implications: string;
  quiz: string;
  answers: string;
  whyPicked: string;
  checkBeforePublishing: string;
  /** The email's and the web edition's own words. */
  inThisIssue: string;
  alsoOnTodaysList: string;
  readOnTheWeb: string;
  unsubscribe: string;
  machineWritten: string;
  /** The links under each paper in the email. */
  code: string;
  projectPage: string;
  fullBrief: string;
}

/** Keyed by the primary subtag of a BCP 47 tag: `zh-Hans` and `zh-TW` take `zh`. */
export const MESSAGES = {
  en: {
    name: 'English',
    topicAndDomain: 'Topic and Domain',
    previousResearchAndNewIdeas: 'Previous Research and New Ideas',
    problem: 'Problem',
    methods: 'Methods',
    resultsAndEvaluation: 'Results and Evaluation',
    methodFlowchart: 'Method flowchart',
    critique: 'Critique',
    strengths: 'Strengths',
    limitations: 'Limitations',
    implications: 'Implications',
    quiz: 'Quiz',
    answers: 'Answers',
    whyPicked: 'Why picked',
    checkBeforePublishing: 'Check before publishing',
    inThisIssue: 'In this issue',
    alsoOnTodaysList: "Also on today's list",
    readOnTheWeb: 'Read it on the web',
    unsubscribe: 'Unsubscribe',
    machineWritten: 'Summaries are written by a language model from each paper’s text; check the paper before citing it.',
    code: 'Code',
    projectPage: 'Project page',
    fullBrief: 'Full brief, flowchart and quiz',
  },
  zh: {
    name: 'Chinese',
    topicAndDomain: '主题与领域',
    previousResearchAndNewIdeas: '已有研究与新思路',
    problem: '问题',
    methods: '方法',
    resultsAndEvaluation: '结果与评估',
    methodFlowchart: '方法流程图',
    critique: '评析',
    strengths: '优点',
    limitations: '局限',
    implications: '意义',
    quiz: '测验',
    answers: '答案',
    whyPicked: '入选理由',
    checkBeforePublishing: '发布前请核查',
    inThisIssue: '本期内容',
    alsoOnTodaysList: '今日列表中的其他论文',
    readOnTheWeb: '在网页上阅读',
    unsubscribe: '退订',
    machineWritten: '摘要由语言模型根据每篇论文的全文撰写；引用前请核对原文。',
    code: '代码',
    projectPage: '项目主页',
    fullBrief: '完整简报、流程图和测验',
  },
  es: {
    name: 'Spanish',
    topicAndDomain: 'Tema y campo',
    previousResearchAndNewIdeas: 'Investigación previa e ideas nuevas',
    problem: 'Problema',
    methods: 'Métodos',
    resultsAndEvaluation: 'Resultados y evaluación',
    methodFlowchart: 'Diagrama del método',
    critique: 'Crítica',
    strengths: 'Puntos fuertes',
    limitations: 'Limitaciones',
    implications: 'Implicaciones',
    quiz: 'Cuestionario',
    answers: 'Respuestas',
    whyPicked: 'Por qué se eligió',
    checkBeforePublishing: 'Revisar antes de publicar',
    inThisIssue: 'En este número',
    alsoOnTodaysList: 'También en la lista de hoy',
    readOnTheWeb: 'Leer en la web',
    unsubscribe: 'Darse de baja',
    machineWritten: 'Los resúmenes los escribe un modelo de lenguaje a partir del texto de cada artículo; consulte el artículo antes de citarlo.',
    code: 'Código',
    projectPage: 'Página del proyecto',
    fullBrief: 'Resumen completo, diagrama y cuestionario',
  },
  de: {
    name: 'German',
    topicAndDomain: 'Thema und Fachgebiet',
    previousResearchAndNewIdeas: 'Bisherige Forschung und neue Ideen',
    problem: 'Problem',
    methods: 'Methoden',
    resultsAndEvaluation: 'Ergebnisse und Evaluation',
    methodFlowchart: 'Ablauf der Methode',
    critique: 'Kritik',
    strengths: 'Stärken',
    limitations: 'Grenzen',
    implications: 'Bedeutung',
    quiz: 'Quiz',
    answers: 'Antworten',
    whyPicked: 'Warum ausgewählt',
    checkBeforePublishing: 'Vor dem Veröffentlichen prüfen',
    inThisIssue: 'In dieser Ausgabe',
    alsoOnTodaysList: 'Ebenfalls auf der heutigen Liste',
    readOnTheWeb: 'Im Web lesen',
    unsubscribe: 'Abbestellen',
    machineWritten: 'Die Zusammenfassungen schreibt ein Sprachmodell aus dem Text jeder Arbeit; prüfen Sie die Arbeit, bevor Sie sie zitieren.',
    code: 'Code',
    projectPage: 'Projektseite',
    fullBrief: 'Vollständige Zusammenfassung, Ablauf und Quiz',
  },
  fr: {
    name: 'French',
    topicAndDomain: 'Sujet et domaine',
    previousResearchAndNewIdeas: 'Travaux antérieurs et idées nouvelles',
    problem: 'Problème',
    methods: 'Méthodes',
    resultsAndEvaluation: 'Résultats et évaluation',
    methodFlowchart: 'Schéma de la méthode',
    critique: 'Critique',
    strengths: 'Points forts',
    limitations: 'Limites',
    implications: 'Portée',
    quiz: 'Quiz',
    answers: 'Réponses',
    whyPicked: 'Pourquoi ce choix',
    checkBeforePublishing: 'À vérifier avant publication',
    inThisIssue: 'Dans ce numéro',
    alsoOnTodaysList: 'Aussi sur la liste du jour',
    readOnTheWeb: 'Lire sur le web',
    unsubscribe: 'Se désabonner',
    machineWritten: 'Les résumés sont rédigés par un modèle de langage à partir du texte de chaque article ; vérifiez l’article avant de le citer.',
    code: 'Code',
    projectPage: 'Page du projet',
    fullBrief: 'Résumé complet, schéma et quiz',
  },
  ja: {
    name: 'Japanese',
    topicAndDomain: 'テーマと分野',
    previousResearchAndNewIdeas: '先行研究と新しいアイデア',
    problem: '課題',
    methods: '手法',
    resultsAndEvaluation: '結果と評価',
    methodFlowchart: '手法のフローチャート',
    critique: '批評',
    strengths: '長所',
    limitations: '限界',
    implications: '意義',
    quiz: 'クイズ',
    answers: '解答',
    whyPicked: '選定理由',
    checkBeforePublishing: '公開前に確認',
    inThisIssue: '今号の内容',
    alsoOnTodaysList: '本日のリストのその他の論文',
    readOnTheWeb: 'ウェブで読む',
    unsubscribe: '配信停止',
    machineWritten: '要約は各論文の本文から言語モデルが作成しています。引用する前に論文を確認してください。',
    code: 'コード',
    projectPage: 'プロジェクトページ',
    fullBrief: '要約全文・フローチャート・クイズ',
  },
} as const satisfies Record<string, Messages>;

export type LanguageCode = keyof typeof MESSAGES;
export const LANGUAGE_CODES = Object.keys(MESSAGES) as LanguageCode[];

/** The messages of a BCP 47 tag (`zh-Hans` → zh); English for a tag stored before languages existed. */
export function getMessages(tag: string | undefined): Messages {
  const primary = (tag ?? 'en').split('-')[0]!.toLowerCase();
  return (MESSAGES as Record<string, Messages>)[primary] ?? MESSAGES.en;
}
