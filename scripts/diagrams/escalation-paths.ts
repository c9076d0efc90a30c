import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { arrow, card, frame, label, palette } from './kit.ts';

const queue = () =>
  z.object({
    /** The queue's name ("Tier 2"). */
    name: text(),
    /** Its target ("within 4 h"). */
    target: text(),
  });

/** Agents only: where tier 1 hands a ticket on, each queue's target, and the reply to the member. */
export const escalationPaths = defineDiagram({
  file: 'internal/escalation-paths.png',
  locales: 'source',
  labels: z.object({
    tier1: text(),
    tier2: queue(),
    payments: queue(),
    trustAndSafety: queue(),
    member: text(),
    reply: text(),
  }),
  draw(l, { locale }) {
    const parts: string[] = [];
    const box = (
      x: number,
      y: number,
      w: number,
      h: number,
      title: string,
      sub?: string,
      colour: string = palette.ink,
    ) => {
      parts.push(card(x, y, w, h));
      const t = label(title, {
        x: x + w / 2,
        y: y + (sub ? h / 2 - 4 : h / 2 + 7),
        width: w - 24,
        size: 20,
        bold: true,
        anchor: 'middle',
        fill: colour,
      });
      parts.push(t.svg);
      if (sub)
        parts.push(
          label(sub, {
            x: x + w / 2,
            y: y + h / 2 + 22,
            width: w - 24,
            size: 17,
            anchor: 'middle',
            fill: palette.muted,
          }).svg,
        );
    };
    box(36, 150, 150, 76, l.tier1, undefined, palette.accent);
    const queues = [l.tier2, l.payments, l.trustAndSafety];
    queues.forEach((q, i) => {
      const y = 40 + i * 110;
      box(300, y, 220, 76, q.name, q.target, [palette.ink, palette.success, palette.warning][i]);
      parts.push(arrow(186, 188, 294, y + 38));
      parts.push(arrow(520, y + 38, 628, 170 + i * 18, palette.accent));
    });
    box(634, 150, 130, 76, l.member);
    parts.push(
      label(l.reply, {
        x: 699,
        y: 130,
        width: 130,
        size: 18,
        bold: true,
        anchor: 'middle',
        fill: palette.accent,
      }).svg,
    );
    return frame(locale, 380, parts.join(''));
  },
});
