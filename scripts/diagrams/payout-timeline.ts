import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { frame, label, palette } from './kit.ts';

const step = () =>
  z.object({
    /** What happens, short ("Buyer pays"). */
    name: text(),
    /** When, shown under the name ("within 3 days"); empty is not allowed, use "–" for none. */
    when: text(),
  });

/** From sale to payout: five steps, with Hammerbid holding the payment from step 2 to step 4. */
export const payoutTimeline = defineDiagram({
  file: 'payout-timeline.png',
  locales: 'all',
  labels: z.object({
    /** The band over steps 2–4 ("Hammerbid holds the payment"). */
    held: text(),
    sold: step(),
    paid: step(),
    shipped: step(),
    received: step(),
    payout: step(),
  }),
  draw(l, { locale }) {
    const steps = [l.sold, l.paid, l.shipped, l.received, l.payout];
    const column = 150;
    const centre = (i: number) => 88 + i * 156;
    const parts: string[] = [];
    // The band: from the buyer's payment until receipt.
    const bandX = centre(1) - 56;
    const bandW = centre(3) + 56 - bandX;
    parts.push(
      `<rect x="${bandX}" y="36" width="${bandW}" height="74" rx="12" fill="${palette.accentSoft}" stroke="${palette.accent}" stroke-width="1.5"/>`,
      // A padlock.
      `<rect x="${bandX + 20}" y="68" width="24" height="20" rx="4" fill="${palette.accent}"/>`,
      `<path d="M${bandX + 25} 68 v-6 a7 7 0 0 1 14 0 v6" stroke="${palette.accent}" stroke-width="3" fill="none"/>`,
      label(l.held, {
        x: bandX + 58 + (bandW - 74) / 2,
        y: 80,
        width: bandW - 80,
        size: 20,
        min: 17,
        maxLines: 2,
        bold: true,
        anchor: 'middle',
        fill: palette.accent,
        centreVertically: true,
      }).svg,
    );
    for (const i of [1, 3])
      parts.push(
        `<line x1="${centre(i)}" y1="110" x2="${centre(i)}" y2="140" stroke="${palette.accent}" stroke-width="2" stroke-dasharray="4 4"/>`,
      );
    // The line of steps.
    const lineY = 160;
    parts.push(
      `<line x1="${centre(0)}" y1="${lineY}" x2="${centre(4)}" y2="${lineY}" stroke="${palette.line}" stroke-width="4"/>`,
    );
    parts.push(
      `<line x1="${centre(1)}" y1="${lineY}" x2="${centre(3)}" y2="${lineY}" stroke="${palette.accent}" stroke-width="4"/>`,
    );
    let bottom = 0;
    steps.forEach((s, i) => {
      const x = centre(i);
      const last = i === steps.length - 1;
      const colour = last ? palette.success : palette.accent;
      parts.push(
        `<circle cx="${x}" cy="${lineY}" r="22" fill="${last ? palette.success : palette.surface}" stroke="${colour}" stroke-width="3"/>`,
        `<text x="${x}" y="${lineY + 7}" font-size="19" font-weight="bold" text-anchor="middle" fill="${last ? palette.surface : colour}">${i + 1}</text>`,
      );
      const name = label(s.name, {
        x,
        y: lineY + 60,
        width: column - 8,
        size: 19,
        min: 17,
        maxLines: 3,
        bold: true,
        anchor: 'middle',
        fill: last ? palette.success : palette.ink,
      });
      const when = label(s.when, {
        x,
        y: lineY + 60 + name.height + 12,
        width: column - 8,
        size: 17,
        maxLines: 3,
        anchor: 'middle',
        fill: palette.muted,
      });
      parts.push(name.svg, when.svg);
      bottom = Math.max(bottom, lineY + 60 + name.height + 12 + when.height);
    });
    return frame(locale, Math.max(330, bottom + 30), parts.join(''));
  },
});
