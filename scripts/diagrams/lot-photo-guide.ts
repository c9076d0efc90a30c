import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { frame, label, palette } from './kit.ts';

const shot = () =>
  z.object({
    /** The photo's name as the article lists it ("Front"). */
    name: text(),
    /** What it shows, a few words ("whole item, straight on"). */
    detail: text(),
  });

/** The four photos every lot needs, of one bottle: front, back, a close-up, and next to a ruler. */
export const lotPhotoGuide = defineDiagram({
  file: 'lot-photo-guide.png',
  locales: 'all',
  labels: z.object({ front: shot(), back: shot(), detail: shot(), scale: shot() }),
  draw(l, { locale }) {
    const shots = [l.front, l.back, l.detail, l.scale];
    const w = 172;
    const gap = 16;
    const x0 = (800 - (w * 4 + gap * 3)) / 2;
    const photoY = 40;
    const photoH = 190;
    const parts: string[] = [];
    let bottom = 0;
    // A bottle standing on `base`: neck, shoulders, body; `k` scales it.
    const bottle = (cx: number, base: number, k: number, labelFill: string) =>
      `<path d="M${cx - 8 * k} ${base - 130 * k} H${cx + 8 * k} V${base - 102 * k} Q${cx + 26 * k} ${base - 96 * k} ${cx + 26 * k} ${base - 70 * k} V${base - 4 * k} Q${cx + 26 * k} ${base} ${cx + 22 * k} ${base} H${cx - 22 * k} Q${cx - 26 * k} ${base} ${cx - 26 * k} ${base - 4 * k} V${base - 70 * k} Q${cx - 26 * k} ${base - 96 * k} ${cx - 8 * k} ${base - 102 * k} Z" fill="${palette.accent}" fill-opacity="0.85"/>` +
      `<rect x="${cx - 9 * k}" y="${base - 140 * k}" width="${18 * k}" height="${12 * k}" rx="${2 * k}" fill="${palette.warning}"/>` +
      `<rect x="${cx - 19 * k}" y="${base - 62 * k}" width="${38 * k}" height="${34 * k}" rx="${3 * k}" fill="${labelFill}"/>`;
    shots.forEach((s, i) => {
      const x = x0 + i * (w + gap);
      const cx = x + w / 2;
      const base = photoY + photoH - 22;
      parts.push(
        `<rect x="${x}" y="${photoY}" width="${w}" height="${photoH}" rx="12" fill="${palette.surface}" stroke="${palette.line}" stroke-width="1.5" filter="url(#shadow)"/>`,
      );
      if (i === 0) parts.push(bottle(cx, base, 1.1, palette.surface));
      if (i === 1) {
        parts.push(bottle(cx, base, 1.1, palette.wash));
        // Back label: text lines and a barcode.
        for (let b = 0; b < 7; b++)
          parts.push(
            `<rect x="${cx - 14 + b * 4.4}" y="${base - 50}" width="${b % 2 ? 1.5 : 2.5}" height="14" fill="${palette.ink}"/>`,
          );
        parts.push(
          `<rect x="${cx - 14}" y="${base - 60}" width="28" height="3" fill="${palette.muted}"/>`,
        );
      }
      if (i === 2) {
        // Close-up: a magnified seal and label edge.
        parts.push(
          `<circle cx="${cx}" cy="${photoY + 92}" r="62" fill="${palette.accent}" fill-opacity="0.85"/>`,
          `<rect x="${cx - 40}" y="${photoY + 52}" width="80" height="30" rx="6" fill="${palette.warning}"/>`,
          `<rect x="${cx - 42}" y="${photoY + 96}" width="84" height="40" rx="6" fill="${palette.surface}"/>`,
          `<text x="${cx}" y="${photoY + 122}" font-size="17" font-weight="bold" text-anchor="middle" fill="${palette.ink}">0417</text>`,
          `<circle cx="${cx}" cy="${photoY + 92}" r="62" fill="none" stroke="${palette.ink}" stroke-width="3"/>`,
          `<line x1="${cx + 44}" y1="${photoY + 136}" x2="${cx + 70}" y2="${photoY + 166}" stroke="${palette.ink}" stroke-width="8" stroke-linecap="round"/>`,
        );
      }
      if (i === 3) {
        parts.push(bottle(cx - 22, base, 0.95, palette.surface));
        // A ruler standing beside it.
        const rx = cx + 34;
        parts.push(
          `<rect x="${rx}" y="${base - 150}" width="26" height="150" rx="3" fill="${palette.wash}" stroke="${palette.warning}" stroke-width="1.5"/>`,
        );
        for (let t = 0; t <= 14; t++)
          parts.push(
            `<line x1="${rx}" y1="${base - t * 10}" x2="${rx + (t % 5 === 0 ? 14 : 8)}" y2="${base - t * 10}" stroke="${palette.ink}" stroke-width="1.2"/>`,
          );
      }
      parts.push(
        `<circle cx="${x + 22}" cy="${photoY + 22}" r="13" fill="${palette.ink}"/>`,
        `<text x="${x + 22}" y="${photoY + 28}" font-size="16" font-weight="bold" text-anchor="middle" fill="${palette.surface}">${i + 1}</text>`,
      );
      const name = label(s.name, {
        x: cx,
        y: photoY + photoH + 34,
        width: w - 8,
        size: 20,
        bold: true,
        anchor: 'middle',
      });
      const detail = label(s.detail, {
        x: cx,
        y: photoY + photoH + 60,
        width: w - 8,
        size: 17,
        maxLines: 3,
        anchor: 'middle',
        fill: palette.muted,
      });
      parts.push(name.svg, detail.svg);
      bottom = Math.max(bottom, photoY + photoH + 60 + detail.height);
    });
    return frame(locale, bottom + 32, parts.join(''));
  },
});
