import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { button, card, escapeXml, field, fill, frame, label, palette } from './kit.ts';

/** The bid panel of a lot page: current bid, time left, amount field, next minimum, Place bid. */
export const bidPanel = defineDiagram({
  file: 'bid-panel.png',
  locales: 'all',
  labels: z.object({
    /** Heading over the amount, as the article calls it ("Current bid"). */
    currentBid: text(),
    /** Heading over the countdown ("Time left"). */
    timeLeft: text(),
    /** The countdown itself: 2 hours 41 minutes, written short ("2 h 41 min"). */
    timeLeftValue: text(),
    /** Label of the amount field ("Your bid"). */
    yourBid: text(),
    /** Hint under the field, with {amount} for €122 ("Next minimum bid: {amount}"). */
    nextMinimum: text().regex(/\{amount\}/, 'keep {amount} where €122 goes'),
    /** The button, word for word as in the article ("Place bid"). */
    placeBid: text(),
  }),
  draw(l, { locale, formats }) {
    const money = (amount: number) => fill(formats.money, { amount });
    const x = 120;
    const w = 560;
    const inner = x + 36;
    const innerW = w - 72;
    const half = innerW / 2;
    const parts: string[] = [];
    let y = 96;
    parts.push(
      label(l.currentBid, {
        x: inner,
        y,
        width: half - 16,
        size: 18,
        fill: palette.muted,
        maxLines: 2,
      }).svg,
      label(l.timeLeft, {
        x: inner + half + 16,
        y,
        width: half - 16,
        size: 18,
        fill: palette.muted,
        maxLines: 2,
      }).svg,
    );
    y += 48;
    parts.push(
      `<text x="${inner}" y="${y}" font-size="40" font-weight="bold" fill="${palette.ink}">${escapeXml(money(120))}</text>`,
    );
    // A small clock before the countdown.
    const cx = inner + half + 16 + 12;
    parts.push(
      `<circle cx="${cx}" cy="${y - 10}" r="11" fill="none" stroke="${palette.warning}" stroke-width="2.5"/>`,
      `<path d="M${cx} ${y - 16} v6 h5" stroke="${palette.warning}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
      label(l.timeLeftValue, {
        x: cx + 22,
        y: y - 2,
        width: half - 56,
        size: 24,
        bold: true,
        fill: palette.warning,
      }).svg,
    );
    y += 36;
    parts.push(
      `<line x1="${inner}" y1="${y}" x2="${inner + innerW}" y2="${y}" stroke="${palette.line}" stroke-width="1.5"/>`,
    );
    y += 44;
    parts.push(label(l.yourBid, { x: inner, y, width: innerW, size: 17, bold: true }).svg);
    y += 14;
    const fieldW = 250;
    parts.push(field(inner, y, fieldW, 56, true));
    parts.push(
      `<text x="${inner + 18}" y="${y + 36}" font-size="22" fill="${palette.ink}">${escapeXml(money(122))}</text>`,
    );
    parts.push(button(l.placeBid, inner + fieldW + 16, y, innerW - fieldW - 16, 56));
    y += 56 + 34;
    parts.push(
      `<circle cx="${inner + 9}" cy="${y - 6}" r="9" fill="${palette.accentSoft}" stroke="${palette.accent}" stroke-width="1.5"/>`,
      `<text x="${inner + 9}" y="${y - 1}" font-size="13" font-weight="bold" text-anchor="middle" fill="${palette.accent}">i</text>`,
    );
    const hint = label(fill(l.nextMinimum, { amount: money(122) }), {
      x: inner + 28,
      y,
      width: innerW - 28,
      size: 18,
      maxLines: 2,
      fill: palette.muted,
    });
    parts.push(hint.svg);
    y += hint.height + 28;
    return frame(locale, y + 48, card(x, 48, w, y - 48) + parts.join(''));
  },
});
