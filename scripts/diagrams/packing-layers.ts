import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { frame, label, palette } from './kit.ts';

const layer = () =>
  z.object({
    /** The layer's name as the article's list names it ("Wrap"). */
    name: text(),
    /** What it is made of or how much ("2 layers of bubble wrap"). */
    detail: text(),
  });

/** A cross-section of a parcel: item in the centre, bubble wrap, filler on every side, double-walled box. */
export const packingLayers = defineDiagram({
  file: 'packing-layers.png',
  locales: 'all',
  labels: z.object({ item: layer(), wrap: layer(), filler: layer(), box: layer() }),
  draw(l, { locale }) {
    const parts: string[] = [];
    const cx = 210;
    const cy = 210;
    // Box: two walls, to show double-walled cardboard.
    parts.push(
      `<rect x="${cx - 170}" y="${cy - 170}" width="340" height="340" rx="8" fill="${palette.warning}" fill-opacity="0.22" stroke="${palette.warning}" stroke-width="2"/>`,
      `<rect x="${cx - 158}" y="${cy - 158}" width="316" height="316" rx="5" fill="none" stroke="${palette.warning}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<rect x="${cx - 146}" y="${cy - 146}" width="292" height="292" rx="4" fill="${palette.wash}" stroke="${palette.warning}" stroke-width="1.5"/>`,
    );
    // Filler: crumpled paper and air cushions, on every side.
    const dots: string[] = [];
    for (let gx = cx - 134; gx <= cx + 134; gx += 22)
      for (let gy = cy - 134; gy <= cy + 134; gy += 22) {
        if (Math.abs(gx - cx) < 92 && Math.abs(gy - cy) < 92) continue;
        const r = 5 + ((((gx * 7 + gy * 3) % 5) + 5) % 5);
        dots.push(
          `<circle cx="${gx + ((gy / 22) % 2 ? 5 : -5)}" cy="${gy}" r="${r}" fill="${palette.surface}" stroke="${palette.line}" stroke-width="1.5"/>`,
        );
      }
    parts.push(dots.join(''));
    // Wrap: bubble wrap around the item.
    parts.push(
      `<rect x="${cx - 84}" y="${cy - 84}" width="168" height="168" rx="16" fill="${palette.accentSoft}" stroke="${palette.accent}" stroke-width="1.5"/>`,
    );
    const bubbles: string[] = [];
    for (let bx = cx - 72; bx <= cx + 72; bx += 16)
      for (let by = cy - 72; by <= cy + 72; by += 16)
        if (Math.abs(bx - cx) > 50 || Math.abs(by - cy) > 50)
          bubbles.push(
            `<circle cx="${bx}" cy="${by}" r="5.5" fill="${palette.surface}" stroke="${palette.accent}" stroke-opacity="0.5" stroke-width="1.2"/>`,
          );
    parts.push(bubbles.join(''));
    // Item.
    parts.push(
      `<rect x="${cx - 44}" y="${cy - 44}" width="88" height="88" rx="10" fill="${palette.accent}"/>`,
    );
    // Labels on the right, each with a leader to its layer.
    const layers = [
      // Anchors run down and outwards with the rows, so no two leaders cross.
      { labels: l.item, at: [cx + 30, cy - 10] },
      { labels: l.wrap, at: [cx + 75, cy + 5] },
      { labels: l.filler, at: [cx + 115, cy + 90] },
      { labels: l.box, at: [cx + 164, cy + 140] },
    ];
    const textX = 470;
    const rowH = 80;
    layers.forEach((layer, i) => {
      const rowY = 100 + i * rowH;
      const [tx, ty] = layer.at as [number, number];
      parts.push(
        `<polyline points="${tx},${ty} ${textX - 50},${rowY} ${textX - 34},${rowY}" fill="none" stroke="${palette.ink}" stroke-width="1.5"/>`,
        `<circle cx="${tx}" cy="${ty}" r="4" fill="${palette.ink}"/>`,
        `<circle cx="${textX - 16}" cy="${rowY}" r="15" fill="${palette.ink}"/>`,
        `<text x="${textX - 16}" y="${rowY + 6}" font-size="17" font-weight="bold" text-anchor="middle" fill="${palette.surface}">${i + 1}</text>`,
      );
      const name = label(layer.labels.name, {
        x: textX + 8,
        y: rowY + 7,
        width: 300,
        size: 20,
        bold: true,
      });
      const detail = label(layer.labels.detail, {
        x: textX + 8,
        y: rowY + 33,
        width: 300,
        size: 17,
        maxLines: 2,
        lineHeight: 21,
        fill: palette.muted,
      });
      parts.push(name.svg, detail.svg);
    });
    return frame(locale, 420, parts.join(''));
  },
});
