import { z } from 'zod';
import { defineDiagram, text } from './diagram.ts';
import { escapeXml, fill, frame, label, palette } from './kit.ts';

/** The soft close: planned close 19:02, bids just before 19:02 and 19:04, each adds 2 minutes, closes 19:06. */
export const auctionClosingTimeline = defineDiagram({
  file: 'auction-closing-timeline.png',
  locales: 'all',
  labels: z.object({
    /** Marker over each late bid ("Bid"). */
    bid: text(),
    /** Inside each 2-minute extension ("+2 min"). */
    extension: text(),
    /** Under 19:02: when the lot was planned to close. */
    plannedClose: text(),
    /** Under 19:06: the lot closes, the last bid wins. */
    lotCloses: text(),
    /** Inside the first part of the bar, before any extension ("Open for bids"). */
    open: text(),
  }),
  draw(l, { locale, formats }) {
    const left = 70;
    const perMinute = 100;
    const at = (minute: number) => left + minute * perMinute;
    const two = (n: number) => String(n).padStart(2, '0');
    const time = (minute: number, seconds = 0) =>
      fill(seconds ? formats.timeWithSeconds : formats.time, {
        hours: '19',
        minutes: two(minute),
        seconds: two(seconds),
      });
    const parts: string[] = [];
    const barY = 150;
    const barH = 52;
    // The bar: open until the planned close, then two extensions.
    parts.push(
      `<rect x="${at(0)}" y="${barY}" width="${at(2) - at(0)}" height="${barH}" rx="10" fill="${palette.accentSoft}" stroke="${palette.accent}" stroke-width="1.5"/>`,
      // Left of the first bid's pin (at 19:01:40), so a wrapped label never runs under it.
      label(l.open, {
        x: (at(0) + at(5 / 3)) / 2,
        y: barY + barH / 2 + 6,
        width: at(5 / 3) - at(0) - 20,
        size: 18,
        maxLines: 2,
        anchor: 'middle',
        fill: palette.accent,
        centreVertically: true,
      }).svg,
    );
    for (const start of [2, 4]) {
      parts.push(
        `<rect x="${at(start) + 4}" y="${barY}" width="${perMinute * 2 - 4}" height="${barH}" rx="10" fill="${palette.warning}" fill-opacity="0.1" stroke="${palette.warning}" stroke-width="1.5"/>`,
        label(l.extension, {
          x: at(start + 1) + 2,
          y: barY + barH / 2 + 7,
          width: perMinute * 2 - 28,
          size: 20,
          bold: true,
          anchor: 'middle',
          fill: palette.warning,
        }).svg,
      );
    }
    // Late bids: pins from a marker down to the bar.
    for (const [minute, seconds] of [
      [1, 40],
      [3, 40],
    ] as const) {
      const x = at(minute + seconds / 60);
      parts.push(
        `<line x1="${x}" y1="104" x2="${x}" y2="${barY + barH}" stroke="${palette.accent}" stroke-width="2.5"/>`,
        `<circle cx="${x}" cy="${barY + barH}" r="7" fill="${palette.accent}" stroke="${palette.surface}" stroke-width="2"/>`,
        `<rect x="${x - 80}" y="40" width="160" height="64" rx="10" fill="${palette.surface}" stroke="${palette.accent}" stroke-width="1.5"/>`,
        label(l.bid, {
          x,
          y: 66,
          width: 144,
          size: 18,
          bold: true,
          anchor: 'middle',
          fill: palette.accent,
        }).svg,
        label(time(minute, seconds), {
          x,
          y: 92,
          width: 144,
          size: 17,
          anchor: 'middle',
          fill: palette.muted,
        }).svg,
      );
    }
    // The axis, one tick a minute.
    const axisY = 250;
    parts.push(
      `<line x1="${at(0) - 20}" y1="${axisY}" x2="${at(6) + 40}" y2="${axisY}" stroke="${palette.muted}" stroke-width="2"/>`,
    );
    for (let minute = 0; minute <= 6; minute++) {
      parts.push(
        `<line x1="${at(minute)}" y1="${axisY - 7}" x2="${at(minute)}" y2="${axisY + 7}" stroke="${palette.muted}" stroke-width="2"/>`,
        `<text x="${at(minute)}" y="${axisY + 32}" font-size="17" text-anchor="middle" fill="${minute % 2 === 0 ? palette.ink : palette.muted}" ${minute % 2 === 0 ? 'font-weight="bold"' : ''}>${escapeXml(time(minute))}</text>`,
      );
    }
    // The planned close (dashed) and the real close (success).
    parts.push(
      `<line x1="${at(2)}" y1="${barY - 14}" x2="${at(2)}" y2="${axisY}" stroke="${palette.ink}" stroke-width="2" stroke-dasharray="5 5"/>`,
      label(l.plannedClose, {
        x: at(2),
        y: axisY + 70,
        width: 190,
        size: 18,
        maxLines: 2,
        anchor: 'middle',
        fill: palette.ink,
      }).svg,
      `<line x1="${at(6)}" y1="${barY - 14}" x2="${at(6)}" y2="${axisY}" stroke="${palette.success}" stroke-width="3"/>`,
      `<circle cx="${at(6)}" cy="${barY - 24}" r="14" fill="${palette.success}"/>`,
      `<path d="M${at(6) - 6} ${barY - 24} l4 5 l8 -9" stroke="${palette.surface}" stroke-width="2.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
      label(l.lotCloses, {
        x: at(6),
        y: axisY + 70,
        width: 190,
        size: 18,
        maxLines: 2,
        bold: true,
        anchor: 'middle',
        fill: palette.success,
      }).svg,
    );
    return frame(locale, 380, parts.join(''));
  },
});
