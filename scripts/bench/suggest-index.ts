/**
 * Benchmark of the search index: per locale, the serialized size (bytes and gzip) of the browser
 * variant (titles, keywords, labels, descriptions) and of the service's variant (with the text),
 * the build time and the median and 95th-percentile time of 1,000 typed queries against the
 * service's variant (index fields and text, no Pagefind).
 *
 *   node scripts/bench/suggest-index.ts               real articles where a locale has some,
 *                                                      otherwise 60 synthetic ones
 *   node scripts/bench/suggest-index.ts --synthetic 300   synthetic articles for every locale
 *
 * Real articles are content/articles/<locale>/*.mdx with frontmatter and MDX tags stripped crudely.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { loadAnalyser } from '../../src/search/analysers/index.ts';
import { buildSearchIndex, type IndexSource } from '../../src/search/search-index.ts';
import { loadIndexFile, minQueryLength, suggestArticles } from '../../src/search/suggest.ts';

type SuggestDoc = IndexSource;

const queryCount = 1_000;
const defaultSyntheticCount = 60;
const contentDir = join(import.meta.dirname, '../../content/articles');

// Domain words per locale for synthetic articles, with inflected and particle forms mixed in.
const vocabulary: Record<Locale, string> = {
  en: 'bid bidding auction lot payment pay card shipping costs delivery seller buyer premium invoice refund return dispute account password verification payout bank transfer closing reserve increment tracked insured protection',
  nl: 'bod bieden veiling kavel betaling betalen kaart verzendkosten verzending verkoper koper opgeld factuur terugbetaling retour geschil account wachtwoord verificatie uitbetaling overboeking sluiting minimumprijs',
  de: 'Gebot bieten Auktion Los Zahlung bezahlen Karte Versandkosten Versand Verkäufer Käufer Aufgeld Rechnung Erstattung Rücksendung Streitfall Konto Passwort Verifizierung Auszahlung Überweisung Mindestpreis',
  fr: 'enchère enchères lot paiement payer carte livraison frais vendeur acheteur commission facture remboursement retour litige compte mot passe vérification virement clôture prix réserve',
  it: 'offerta offerte asta aste lotto pagamento pagare carta spedizione costi venditore acquirente commissione fattura rimborso reso controversia account password verifica bonifico chiusura riserva',
  es: 'puja pujar subasta lote pago pagar tarjeta envío gastos vendedor comprador comisión factura reembolso devolución disputa cuenta contraseña verificación transferencia cierre reserva',
  ru: 'ставка ставки аукцион лот оплата оплаты оплатить карта доставка доставки доставку продавец покупатель комиссия счёт счета возврат спор аккаунт пароль проверка перевод PayPal Visa',
  ko: '입찰 입찰을 경매 경매는 로트 결제 결제를 카드 배송비 배송비는 배송 판매자 판매자가 구매자 수수료 송장 환불 반품 분쟁 계정 비밀번호 인증 지급 계좌 이체 PayPal로',
};

async function main() {
  const { values } = parseArgs({ options: { synthetic: { type: 'string' } } });
  const forcedSynthetic = values.synthetic === undefined ? undefined : Number(values.synthetic);
  if (forcedSynthetic !== undefined && !(forcedSynthetic > 0)) {
    throw new Error(
      `--synthetic: expected a positive number of articles, got "${values.synthetic}"`,
    );
  }
  console.log(
    'locale  source        docs   browser    gzip  with text    gzip  build ms  median µs  p95 µs',
  );
  for (const locale of locales) {
    const real = forcedSynthetic ? [] : await readRealDocs(locale);
    const docs = real.length
      ? real
      : syntheticDocs(locale, forcedSynthetic ?? defaultSyntheticCount);
    const started = performance.now();
    const input = {
      locale,
      analyser: await loadAnalyser(locale),
      articles: docs,
      sections: {},
      categories: {},
      synonyms: [],
    };
    const browserJson = JSON.stringify(buildSearchIndex({ ...input, withBody: false }));
    const json = JSON.stringify(buildSearchIndex({ ...input, withBody: true }));
    const buildMs = performance.now() - started;
    const index = await loadIndexFile(JSON.parse(json));
    const times = typedQueries(locale, docs).map((query) => {
      const start = performance.now();
      suggestArticles(index, query);
      return (performance.now() - start) * 1000;
    });
    times.sort((a, b) => a - b);
    console.log(
      [
        locale.padEnd(6),
        (real.length ? 'content' : 'synthetic').padEnd(12),
        String(docs.length).padStart(5),
        String(Buffer.byteLength(browserJson)).padStart(9),
        String(gzipSync(browserJson).length).padStart(7),
        String(Buffer.byteLength(json)).padStart(10),
        String(gzipSync(json).length).padStart(7),
        buildMs.toFixed(0).padStart(9),
        percentile(times, 0.5).toFixed(0).padStart(10),
        percentile(times, 0.95).toFixed(0).padStart(7),
      ].join(' '),
    );
  }
}

async function readRealDocs(locale: Locale): Promise<SuggestDoc[]> {
  const dir = join(contentDir, locale);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx'));
  return Promise.all(
    files.sort().map(async (file) => {
      const source = await readFile(join(dir, file), 'utf8');
      const id = file.replace(/\.mdx$/, '');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
      const field = (name: string) =>
        new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(frontmatter)?.[1]?.replace(/^['"]|['"]$/g, '');
      return {
        id,
        title: field('title') ?? id,
        description: field('description') ?? '',
        body: plainText(source.replace(/^---\n[\s\S]*?\n---/, '')),
        url: `/${locale}/articles/${id}/`,
        keywords: [],
        labels: [],
        section: 'bidding',
        audience: 'both' as const,
        english: false,
      };
    }),
  );
}

/** Crude MDX to text: good enough to measure, not to publish. */
function plainText(mdx: string): string {
  return mdx
    .replace(/^(import|export) .*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>{}|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function syntheticDocs(locale: Locale, count: number): SuggestDoc[] {
  const random = seededRandom(count);
  const words = vocabulary[locale].split(' ');
  const text = (length: number) =>
    Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    title: text(3 + Math.floor(random() * 3)),
    description: text(12),
    body: text(300),
    url: `/${locale}/articles/synthetic-${i}/`,
    keywords: [],
    labels: [],
    section: 'bidding',
    audience: 'both' as const,
    english: false,
  }));
}

/** What visitors type: a word or two from a title, the last one often cut short. */
function typedQueries(locale: Locale, docs: SuggestDoc[]): string[] {
  const random = seededRandom(queryCount);
  const words = docs.flatMap((doc) => `${doc.title} ${doc.description}`.split(/\s+/));
  const pick = () => words[Math.floor(random() * words.length)] ?? '';
  return Array.from({ length: queryCount }, () => {
    const last = pick();
    const cut = Math.max(minQueryLength[locale], Math.ceil(last.length * (0.5 + random() / 2)));
    const typed = last.slice(0, cut);
    return random() < 0.5 ? `${pick()} ${typed}` : typed;
  });
}

function seededRandom(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

await main();
