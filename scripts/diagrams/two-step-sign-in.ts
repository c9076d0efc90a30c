import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { button, card, field, frame, label, palette } from './kit.ts';

/** The code screen after the password: heading, 6-digit code, Verify, recovery-code link. */
export const twoStepSignIn = defineDiagram({
  file: 'two-step-sign-in.png',
  locales: 'all',
  labels: z.object({
    /** The screen's heading, as the article names the feature. */
    heading: text(),
    /** One sentence under the heading: where the code comes from. */
    instruction: text(),
    /** The field's label ("6-digit code"). */
    codeField: text(),
    /** The button, as the article calls it ("Verify"). */
    verify: text(),
    /** The link under the button, word for word as the article quotes it. */
    recoveryLink: text(),
  }),
  draw(l, { locale }) {
    const cardX = 190;
    const cardW = 420;
    const inner = cardX + 40;
    const innerW = cardW - 80;
    let y = 72;
    const parts: string[] = [];
    // Brand line, like the top of the real screen.
    parts.push(
      `<circle cx="${inner + 12}" cy="${y + 14}" r="12" fill="${palette.accent}"/>`,
      `<path d="M${inner + 6} ${y + 14} l4 4 l8 -8" stroke="${palette.surface}" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
      `<text x="${inner + 32}" y="${y + 20}" font-size="18" font-weight="bold" fill="${palette.accent}">Hammerbid</text>`,
    );
    y += 72;
    const heading = label(l.heading, {
      x: inner,
      y,
      width: innerW,
      size: 26,
      min: 20,
      maxLines: 2,
      bold: true,
    });
    parts.push(heading.svg);
    y += heading.height + 16;
    const instruction = label(l.instruction, {
      x: inner,
      y,
      width: innerW,
      size: 18,
      maxLines: 3,
      fill: palette.muted,
    });
    parts.push(instruction.svg);
    y += instruction.height + 22;
    const fieldLabel = label(l.codeField, { x: inner, y, width: innerW, size: 17, bold: true });
    parts.push(fieldLabel.svg);
    y += 14;
    // Six digit boxes, four typed, the fifth focused.
    const digits = ['4', '8', '1', '9', '', ''];
    const gap = 10;
    const boxW = (innerW - gap * 5) / 6;
    digits.forEach((digit, i) => {
      const x = inner + i * (boxW + gap);
      parts.push(field(x, y, boxW, 58, i === 4));
      if (digit)
        parts.push(
          `<text x="${x + boxW / 2}" y="${y + 39}" font-size="26" font-weight="bold" text-anchor="middle" fill="${palette.ink}">${digit}</text>`,
        );
      if (i === 4)
        parts.push(
          `<line x1="${x + boxW / 2}" y1="${y + 16}" x2="${x + boxW / 2}" y2="${y + 42}" stroke="${palette.accent}" stroke-width="2"/>`,
        );
    });
    y += 58 + 28;
    parts.push(button(l.verify, inner, y, innerW, 54));
    y += 54 + 36;
    const link = label(l.recoveryLink, {
      x: cardX + cardW / 2,
      y,
      width: innerW,
      size: 18,
      maxLines: 2,
      anchor: 'middle',
      fill: palette.accent,
      underline: true,
    });
    parts.push(link.svg);
    y += link.height + 20;
    const cardH = y - 48;
    return frame(locale, y + 48, card(cardX, 48, cardW, cardH) + parts.join(''));
  },
});
