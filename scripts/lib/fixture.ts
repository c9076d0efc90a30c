/**
 * A help centre of realistic size for benchmarks: the sample content copied into a folder of its
 * own, plus generated articles until every locale has the number asked for. Each generated article
 * grows from a sample article of the same locale: its title and text in that locale's script and
 * words, its components (steps, callouts, tabs, snippets, figures), a paragraph from another
 * article for variety, a lot category of its own (whisky, fossils, …) and a link to the next
 * generated article. Translations carry the revision of their generated English source, so the
 * build sees them as current. Never written into the project's own content/.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { locales, sourceLocale, type Locale } from '../../src/i18n/locales.ts';
import { sourceRevisionOf } from '../../src/lib/revision.ts';
import { readFrontmatter, stampRevision } from '../../src/lib/translation-status.ts';

export interface FixtureSummary {
  contentDir: string;
  /** Public articles per locale after generation (the sample's included). */
  articlesPerLocale: number;
  generated: number;
  /** Article files written in all locales (translations included). */
  files: number;
}

/** Lot categories of an auction marketplace, per locale, in the same order (the first is the id). */
const lotKinds: Record<Locale, string[]> = {
  en: [
    'comics',
    'whisky',
    'fossils',
    'stamps',
    'coins',
    'watches',
    'vinyl records',
    'wine',
    'toys',
    'trading cards',
    'sneakers',
    'cameras',
    'books',
    'posters',
    'jewellery',
    'minerals',
    'antique maps',
    'banknotes',
    'model trains',
    'guitars',
    'furniture',
    'ceramics',
    'LEGO',
    'militaria',
    'sports memorabilia',
    'paintings',
    'prints',
    'handbags',
    'video games',
    'clocks',
  ],
  nl: [
    'strips',
    'whisky',
    'fossielen',
    'postzegels',
    'munten',
    'horloges',
    'lp’s',
    'wijn',
    'speelgoed',
    'ruilkaarten',
    'sneakers',
    'camera’s',
    'boeken',
    'posters',
    'sieraden',
    'mineralen',
    'oude landkaarten',
    'bankbiljetten',
    'modeltreinen',
    'gitaren',
    'meubels',
    'keramiek',
    'LEGO',
    'militaria',
    'sportmemorabilia',
    'schilderijen',
    'prenten',
    'handtassen',
    'videogames',
    'klokken',
  ],
  de: [
    'Comics',
    'Whisky',
    'Fossilien',
    'Briefmarken',
    'Münzen',
    'Armbanduhren',
    'Schallplatten',
    'Wein',
    'Spielzeug',
    'Sammelkarten',
    'Sneaker',
    'Kameras',
    'Bücher',
    'Plakate',
    'Schmuck',
    'Mineralien',
    'alte Landkarten',
    'Banknoten',
    'Modelleisenbahnen',
    'Gitarren',
    'Möbel',
    'Keramik',
    'LEGO',
    'Militaria',
    'Sport-Memorabilien',
    'Gemälde',
    'Druckgrafiken',
    'Handtaschen',
    'Videospiele',
    'Standuhren',
  ],
  fr: [
    'bandes dessinées',
    'whisky',
    'fossiles',
    'timbres',
    'pièces de monnaie',
    'montres',
    'vinyles',
    'vin',
    'jouets',
    'cartes à collectionner',
    'baskets',
    'appareils photo',
    'livres',
    'affiches',
    'bijoux',
    'minéraux',
    'cartes anciennes',
    'billets de banque',
    'trains miniatures',
    'guitares',
    'meubles',
    'céramiques',
    'LEGO',
    'militaria',
    'souvenirs sportifs',
    'tableaux',
    'estampes',
    'sacs à main',
    'jeux vidéo',
    'horloges',
  ],
  it: [
    'fumetti',
    'whisky',
    'fossili',
    'francobolli',
    'monete',
    'orologi da polso',
    'dischi in vinile',
    'vino',
    'giocattoli',
    'carte collezionabili',
    'sneaker',
    'fotocamere',
    'libri',
    'manifesti',
    'gioielli',
    'minerali',
    'mappe antiche',
    'banconote',
    'modellini di treni',
    'chitarre',
    'mobili',
    'ceramiche',
    'LEGO',
    'militaria',
    'cimeli sportivi',
    'dipinti',
    'stampe',
    'borse',
    'videogiochi',
    'pendole',
  ],
  es: [
    'cómics',
    'whisky',
    'fósiles',
    'sellos',
    'monedas',
    'relojes de pulsera',
    'discos de vinilo',
    'vino',
    'juguetes',
    'cromos',
    'zapatillas',
    'cámaras',
    'libros',
    'carteles',
    'joyas',
    'minerales',
    'mapas antiguos',
    'billetes',
    'trenes en miniatura',
    'guitarras',
    'muebles',
    'cerámica',
    'LEGO',
    'militaria',
    'recuerdos deportivos',
    'pinturas',
    'grabados',
    'bolsos',
    'videojuegos',
    'relojes de pared',
  ],
  ru: [
    'комиксы',
    'виски',
    'окаменелости',
    'марки',
    'монеты',
    'наручные часы',
    'виниловые пластинки',
    'вино',
    'игрушки',
    'коллекционные карточки',
    'кроссовки',
    'фотоаппараты',
    'книги',
    'плакаты',
    'украшения',
    'минералы',
    'старинные карты',
    'банкноты',
    'модели поездов',
    'гитары',
    'мебель',
    'керамика',
    'LEGO',
    'военная атрибутика',
    'спортивные реликвии',
    'картины',
    'гравюры',
    'сумки',
    'видеоигры',
    'настенные часы',
  ],
  ko: [
    '만화책',
    '위스키',
    '화석',
    '우표',
    '동전',
    '손목시계',
    'LP 음반',
    '와인',
    '장난감',
    '트레이딩 카드',
    '스니커즈',
    '카메라',
    '도서',
    '포스터',
    '주얼리',
    '광물',
    '고지도',
    '지폐',
    '철도 모형',
    '기타',
    '가구',
    '도자기',
    '레고',
    '밀리터리 수집품',
    '스포츠 기념품',
    '회화',
    '판화',
    '핸드백',
    '비디오 게임',
    '벽시계',
  ],
};

/** Kinds of sale, per locale in the same order: a second dimension once every lot kind is used. */
const saleKinds: Record<Locale, string[]> = {
  en: ['weekly auctions', 'evening auctions', 'charity auctions', 'estate sales'],
  nl: ['weekveilingen', 'avondveilingen', 'benefietveilingen', 'nalatenschappen'],
  de: ['Wochenauktionen', 'Abendauktionen', 'Benefizauktionen', 'Nachlassauktionen'],
  fr: ['ventes hebdomadaires', 'ventes du soir', 'ventes caritatives', 'successions'],
  it: ['aste settimanali', 'aste serali', 'aste di beneficenza', 'eredità'],
  es: ['subastas semanales', 'subastas nocturnas', 'subastas benéficas', 'herencias'],
  ru: [
    'еженедельные аукционы',
    'вечерние аукционы',
    'благотворительные аукционы',
    'распродажи наследства',
  ],
  ko: ['주간 경매', '저녁 경매', '자선 경매', '유산 경매'],
};

/** The sentence that ties an article to its lot category, and the "see also" line. */
const phrases: Record<Locale, { kind: (kind: string) => string; seeAlso: string }> = {
  en: {
    kind: (k) =>
      `This guide also covers lots in the ${k} category: the same steps apply, and the lot page lists anything specific to this category.`,
    seeAlso: 'See also',
  },
  nl: {
    kind: (k) =>
      `Deze uitleg geldt ook voor kavels in de categorie ${k}: dezelfde stappen gelden, en de kavelpagina vermeldt wat specifiek is voor deze categorie.`,
    seeAlso: 'Zie ook',
  },
  de: {
    kind: (k) =>
      `Diese Anleitung gilt auch für Lose der Kategorie ${k}: Es gelten dieselben Schritte, und die Losseite nennt alles, was für diese Kategorie besonders ist.`,
    seeAlso: 'Siehe auch',
  },
  fr: {
    kind: (k) =>
      `Ce guide s’applique aussi aux lots de la catégorie ${k} : les étapes sont les mêmes, et la page du lot indique ce qui est propre à cette catégorie.`,
    seeAlso: 'Voir aussi',
  },
  it: {
    kind: (k) =>
      `Questa guida vale anche per i lotti della categoria ${k}: i passaggi sono gli stessi e la pagina del lotto indica ciò che è specifico di questa categoria.`,
    seeAlso: 'Vedi anche',
  },
  es: {
    kind: (k) =>
      `Esta guía también se aplica a los lotes de la categoría ${k}: los pasos son los mismos y la página del lote indica lo que es propio de esta categoría.`,
    seeAlso: 'Véase también',
  },
  ru: {
    kind: (k) =>
      `Это руководство относится и к лотам категории «${k}»: шаги те же, а на странице лота указано всё, что касается именно этой категории.`,
    seeAlso: 'См. также',
  },
  ko: {
    kind: (k) =>
      `이 안내는 ${k} 카테고리의 로트에도 적용됩니다. 절차는 같으며, 이 카테고리에만 해당하는 내용은 로트 페이지에 나와 있습니다.`,
    seeAlso: '함께 보기',
  },
};

interface SampleArticle {
  id: string;
  /** Frontmatter lines as written, keyed by field (values unparsed). */
  frontmatter: string;
  body: string;
  title: string;
  description: string;
  summary: boolean;
}

/**
 * Copies `sourceContent` to `<outDir>/content` and adds generated public articles until each
 * locale has `articlesPerLocale` (an existing folder is replaced).
 */
export function generateFixture(options: {
  sourceContent: string;
  outDir: string;
  articlesPerLocale: number;
}): FixtureSummary {
  const contentDir = join(options.outDir, 'content');
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  cpSync(options.sourceContent, contentDir, { recursive: true });

  const samples = Object.fromEntries(
    locales.map((locale) => [locale, readSamples(join(contentDir, 'articles', locale))]),
  ) as Record<Locale, Map<string, SampleArticle>>;
  const templates = [...samples[sourceLocale].values()]
    .filter((a) => readFrontmatter(`---\n${a.frontmatter}\n---`)['visibility'] !== 'internal')
    .sort((a, b) => a.id.localeCompare(b.id));
  const wanted = Math.max(0, options.articlesPerLocale - templates.length);
  const variants = lotKinds[sourceLocale].length * (saleKinds[sourceLocale].length + 1);
  if (wanted > templates.length * variants)
    throw new Error(
      `generateFixture: at most ${templates.length * (variants + 1)} articles per locale from ${templates.length} sample articles; asked for ${options.articlesPerLocale}`,
    );

  const plan = Array.from({ length: wanted }, (_, n) => {
    const template = templates[n % templates.length]!;
    const kind = Math.floor(n / templates.length);
    return { n, template, kind, id: `${template.id}--${slug(variantName(sourceLocale, kind))}` };
  });
  let files = 0;
  for (const item of plan) {
    const next = plan[(item.n + 1) % plan.length]!;
    const mixIn = templates[(item.n * 7 + 3) % templates.length]!;
    const english = compose(
      sourceLocale,
      samples.en.get(item.template.id)!,
      samples.en.get(mixIn.id),
      item.kind,
      next,
    );
    const revision = sourceRevisionOf(english);
    writeFileSync(join(contentDir, 'articles', sourceLocale, `${item.id}.mdx`), english);
    files++;
    for (const locale of locales) {
      if (locale === sourceLocale) continue;
      const own = samples[locale].get(item.template.id);
      if (!own) continue; // the sample has no translation: readers get the English text
      const text = compose(locale, own, samples[locale].get(mixIn.id), item.kind, next);
      writeFileSync(
        join(contentDir, 'articles', locale, `${item.id}.mdx`),
        stampRevision(text, revision),
      );
      files++;
    }
  }
  return { contentDir, articlesPerLocale: templates.length + wanted, generated: wanted, files };

  function compose(
    locale: Locale,
    article: SampleArticle,
    mixIn: SampleArticle | undefined,
    kindNumber: number,
    next: { id: string; template: SampleArticle; kind: number },
  ): string {
    const kind = variantName(locale, kindNumber);
    const title = `${article.title}: ${kind}`;
    const frontmatter = article.frontmatter
      .replace(/^title:.*$/m, `title: ${JSON.stringify(title)}`)
      .replace(
        /^description:.*$/m,
        `description: ${JSON.stringify(`${article.description} (${kind})`)}`,
      )
      .replace(/^promoted:.*$/m, 'promoted: false')
      .replace(
        /^keywords: \[(.*)\]$/m,
        (_, words: string) => `keywords: [${words ? `${words}, ` : ''}${JSON.stringify(kind)}]`,
      );
    if (article.summary) return `---\n${frontmatter}\n---\n`;
    const nextSample = samples[locale].get(next.template.id) ?? samples.en.get(next.template.id)!;
    const nextTitle = `${nextSample.title}: ${variantName(samples[locale].has(next.template.id) ? locale : sourceLocale, next.kind)}`;
    const variety = mixIn && !mixIn.summary ? firstParagraph(mixIn.body) : '';
    const { kind: kindSentence, seeAlso } = phrases[locale];
    return (
      `---\n${frontmatter}\n---\n\n${kindSentence(kind)}\n\n${article.body.trim()}\n\n` +
      (variety ? `${variety}\n\n` : '') +
      `${seeAlso}: [${escapeLinkText(nextTitle)}](../${next.id}/)\n`
    );
  }
}

/** The lot kind, then with a kind of sale once every lot kind has been used: "whisky, charity auctions". */
function variantName(locale: Locale, variant: number): string {
  const kinds = lotKinds[locale];
  const kind = kinds[variant % kinds.length]!;
  const sale = saleKinds[locale][Math.floor(variant / kinds.length) - 1];
  return sale ? `${kind}, ${sale}` : kind;
}

function readSamples(dir: string): Map<string, SampleArticle> {
  const articles = new Map<string, SampleArticle>();
  if (!existsSync(dir)) return articles;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${join(dir, name)}: no frontmatter between --- lines`);
    const data = readFrontmatter(text);
    articles.set(name.slice(0, -'.mdx'.length), {
      id: name.slice(0, -'.mdx'.length),
      frontmatter: match[1]!,
      body: match[2]!,
      title: String(data['title']),
      description: String(data['description']),
      summary: data['summary'] === true,
    });
  }
  return articles;
}

/** The first paragraph of plain prose: no heading, list, table, component or import. */
function firstParagraph(body: string): string {
  return (
    body
      .split(/\n{2,}/)
      .map((block) => block.trim())
      .find(
        (block) =>
          block.length > 80 && !/^[#<|>\-*\d!`{]|^import /.test(block) && !block.includes('<'),
      ) ?? ''
  );
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\<>{}]/g, (c) => `\\${c}`);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
