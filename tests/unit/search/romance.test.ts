import { describe, expect, it } from 'vitest';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import { suggesterFor, type DocRow } from './suggest-helpers.ts';

const french: DocRow[] = [
  [
    'payment-methods',
    'Moyens de paiement',
    'Carte, iDEAL, Bancontact, PayPal ou virement SEPA.',
    'Un virement met 1 à 2 jours ouvrés à arriver.',
  ],
  [
    'how-bidding-works',
    'Comment fonctionnent les enchères',
    'Placer une enchère sur un lot et suivre la vente.',
    'Votre offre vous engage : vérifiez les frais de livraison.',
  ],
];

const italian: DocRow[] = [
  [
    'payment-methods',
    'Metodi di pagamento',
    'Carta, iDEAL, Bancontact, PayPal o bonifico SEPA.',
    'Il bonifico arriva in 1–2 giorni lavorativi.',
  ],
  [
    'shipping-costs',
    'Costi di spedizione',
    'Chi paga la spedizione e dove trovarla.',
    'Sopra i 50 € la spedizione tracciata è obbligatoria.',
  ],
];

const spanish: DocRow[] = [
  [
    'shipping-costs',
    'Gastos de envío',
    'Cuánto cuesta el envío de un lote.',
    'Por encima de 50 € el seguimiento es obligatorio.',
  ],
  [
    'returning-a-lot',
    'Devoluciones',
    'Cómo hacer una devolución si el lote no es como se describe.',
    'Devuelve el lote en 14 días con seguimiento.',
  ],
];

describe('French suggestions', () => {
  it.each(['paiement', 'paiements', 'Paiement par carte'])(
    'finds the payment article for %s',
    async (query) => {
      const suggest = await suggesterFor('fr', french);
      expect(suggest(query)[0]).toBe('payment-methods');
    },
  );

  it.each(['enchère', 'enchères', 'enchere', "l'enchère"])(
    'finds the bidding article for %s, with or without accent and elision',
    async (query) => {
      const suggest = await suggesterFor('fr', french);
      expect(suggest(query)[0]).toBe('how-bidding-works');
    },
  );
});

describe('Italian suggestions', () => {
  it.each(['pagamento', 'pagamenti'])('finds the payment article for %s', async (query) => {
    const suggest = await suggesterFor('it', italian);
    expect(suggest(query)[0]).toBe('payment-methods');
  });

  it.each(['spedizione', 'spedizioni'])('finds the shipping article for %s', async (query) => {
    const suggest = await suggesterFor('it', italian);
    expect(suggest(query)[0]).toBe('shipping-costs');
  });
});

describe('Spanish suggestions', () => {
  it.each(['envío', 'envíos', 'envio', 'envios'])(
    'finds the shipping article for %s, with or without accent',
    async (query) => {
      const suggest = await suggesterFor('es', spanish);
      expect(suggest(query)[0]).toBe('shipping-costs');
    },
  );

  it.each(['devolución', 'devoluciones', 'devolucion'])(
    'finds the returns article for %s',
    async (query) => {
      const suggest = await suggesterFor('es', spanish);
      expect(suggest(query)[0]).toBe('returning-a-lot');
    },
  );

  it('finds devolución in the body when the query is typed without the accent', async () => {
    const suggest = await suggesterFor('es', [
      [
        'damaged',
        'Lote dañado',
        'Qué hacer si el lote llega roto.',
        'Pide una devolución en 14 días.',
      ],
      ['shipping', 'Gastos de envío', 'Cuánto cuesta el envío.', 'El vendedor fija el precio.'],
    ]);
    expect(suggest('devolucion?')).toEqual(['damaged']);
  });

  it('also searches the text for a past tense with its final accent, which the stemmer needs', async () => {
    const spanishAnalyser = await loadAnalyser('es');
    const [vendi, pague, envio] = spanishAnalyser.queryWords('vendi pague envio');
    expect(vendi?.alternates).toEqual(['vendí']);
    expect(pague?.alternates).toEqual(['pagué']);
    expect(envio?.alternates).toEqual(['envió']);
    expect((await loadAnalyser('fr')).queryWords('vendu')[0]?.alternates).toEqual([]);
  });
});
