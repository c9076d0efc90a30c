// Draws the language-neutral diagrams in content/images/ from SVG with sharp.
// Run it after changing a drawing: `node scripts/draw-diagrams.ts`. The build then resizes and
// converts them (astro:assets, also sharp) for each page that uses them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const out = join(import.meta.dirname, '..', 'content', 'images');
mkdirSync(out, { recursive: true });

const frame = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="DejaVu Sans, Arial, sans-serif">
  <rect width="${w}" height="${h}" fill="#f7f5f0"/>${body}</svg>`;

const box = (x: number, y: number, w: number, h: number, fill: string, label = '', size = 22) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="12" fill="${fill}" stroke="#2b2b2b" stroke-width="2"/>` +
  (label
    ? `<text x="${x + w / 2}" y="${y + h / 2 + size / 3}" font-size="${size}" text-anchor="middle" fill="#1d1d1d">${label}</text>`
    : '');

const arrow = (x1: number, y: number, x2: number) =>
  `<line x1="${x1}" y1="${y}" x2="${x2 - 10}" y2="${y}" stroke="#2b2b2b" stroke-width="3"/><polygon points="${x2},${y} ${x2 - 14},${y - 8} ${x2 - 14},${y + 8}" fill="#2b2b2b"/>`;

const drawings: Record<string, string> = {
  'bid-panel.png': frame(
    900,
    520,
    box(40, 40, 820, 440, '#ffffff') +
      `<text x="80" y="110" font-size="26" fill="#555">€ 120</text><text x="80" y="160" font-size="54" font-weight="bold" fill="#1d1d1d">€ 120</text>` +
      `<text x="560" y="110" font-size="26" fill="#555">◷</text><text x="600" y="110" font-size="30" fill="#b3261e">02:41:17</text>` +
      box(80, 210, 460, 80, '#fbfbfb', '€ 122', 34) +
      box(570, 210, 250, 80, '#1f6f43') +
      `<text x="695" y="262" font-size="34" text-anchor="middle" fill="#fff">✓</text>` +
      `<text x="80" y="350" font-size="24" fill="#555">≥ € 122</text>` +
      box(80, 380, 180, 60, '#eef3ff', '€ 122', 24) +
      box(280, 380, 180, 60, '#eef3ff', '€ 140', 24) +
      box(480, 380, 180, 60, '#eef3ff', '€ 150', 24),
  ),
  'auction-closing-timeline.png': frame(
    1000,
    360,
    `<line x1="60" y1="200" x2="940" y2="200" stroke="#2b2b2b" stroke-width="4"/>` +
      ['19:00', '19:02', '19:04', '19:06']
        .map(
          (t, i) =>
            `<line x1="${120 + i * 260}" y1="185" x2="${120 + i * 260}" y2="215" stroke="#2b2b2b" stroke-width="3"/><text x="${120 + i * 260}" y="250" font-size="24" text-anchor="middle">${t}</text>`,
        )
        .join('') +
      box(270, 70, 120, 70, '#ffe3a3', '+2:00', 24) +
      box(530, 70, 120, 70, '#ffe3a3', '+2:00', 24) +
      `<circle cx="330" cy="200" r="12" fill="#b3261e"/><circle cx="590" cy="200" r="12" fill="#b3261e"/>` +
      box(780, 60, 150, 90, '#1f6f43', '', 24) +
      `<text x="855" y="118" font-size="40" text-anchor="middle" fill="#fff">✓</text>` +
      `<text x="855" y="300" font-size="24" text-anchor="middle">19:06</text>`,
  ),
  'payout-timeline.png': frame(
    1100,
    300,
    ['€', '✓', '▦', '⌂', '€']
      .map((icon, i) =>
        box(
          40 + i * 215,
          90,
          150,
          120,
          ['#eef3ff', '#e3f4e8', '#fff4d6', '#f3e8ff', '#e3f4e8'][i] ?? '#fff',
          icon,
          44,
        ),
      )
      .join('') +
      [0, 1, 2, 3].map((i) => arrow(190 + i * 215, 150, 255 + i * 215)).join('') +
      `<text x="115" y="250" font-size="20" text-anchor="middle">0</text><text x="330" y="250" font-size="20" text-anchor="middle">≤ 3 d</text><text x="545" y="250" font-size="20" text-anchor="middle">≤ 3 d</text><text x="760" y="250" font-size="20" text-anchor="middle">≤ 14 d</text><text x="975" y="250" font-size="20" text-anchor="middle">+ 2 d</text>`,
  ),
  'lot-photo-guide.png': frame(
    1000,
    320,
    ['1', '2', '3', '4']
      .map(
        (n, i) =>
          box(40 + i * 240, 50, 200, 200, '#ffffff', '', 24) +
          `<text x="${140 + i * 240}" y="170" font-size="64" text-anchor="middle" fill="#3a5a8c">${['▣', '◫', '◎', '↔'][i]}</text><text x="${60 + i * 240}" y="90" font-size="24" fill="#555">${n}</text>`,
      )
      .join('') +
      `<text x="500" y="295" font-size="22" text-anchor="middle" fill="#555">≥ 1600 px · ☀</text>`,
  ),
  'two-step-sign-in.png': frame(
    700,
    520,
    box(150, 40, 400, 440, '#ffffff') +
      `<text x="350" y="130" font-size="56" text-anchor="middle">✱✱✱</text>` +
      [0, 1, 2, 3, 4, 5]
        .map((i) =>
          box(180 + i * 58, 200, 50, 70, '#f0f0f0', ['4', '8', '1', '9', '', ''][i] ?? '', 32),
        )
        .join('') +
      box(200, 320, 300, 70, '#1f6f43', '', 24) +
      `<text x="350" y="366" font-size="32" text-anchor="middle" fill="#fff">→</text>` +
      `<text x="350" y="440" font-size="22" text-anchor="middle" fill="#3a5a8c">••••-••••</text>`,
  ),
  'packing-layers.png': frame(
    1000,
    340,
    box(60, 60, 200, 200, '#fff4d6', '1', 40) +
      arrow(270, 160, 330) +
      box(340, 60, 200, 200, '#e8eef8', '2', 40) +
      arrow(550, 160, 610) +
      box(620, 60, 150, 200, '#f3e8ff', '3', 40) +
      arrow(780, 160, 820) +
      box(830, 40, 140, 240, '#d9c3a0', '4', 40) +
      `<text x="160" y="300" font-size="22" text-anchor="middle">◉</text><text x="440" y="300" font-size="22" text-anchor="middle">◎◎◎</text><text x="695" y="300" font-size="22" text-anchor="middle">≥ 5 cm</text><text x="900" y="320" font-size="22" text-anchor="middle">▦</text>`,
  ),
  // Agents only (content/images/internal/ never reaches the public build): where tier 1 hands on.
  'internal/escalation-paths.png': frame(
    1100,
    380,
    box(40, 150, 220, 90, '#e8eef8', 'Tier 1', 28) +
      arrow(270, 195, 420) +
      box(430, 30, 300, 80, '#fff4d6', 'Tier 2 (4 h)', 24) +
      box(430, 150, 300, 80, '#e6f4ea', 'Payments (1 day)', 24) +
      box(430, 270, 300, 80, '#fde2e1', 'Trust &amp; Safety (2 h)', 24) +
      `<line x1="345" y1="195" x2="345" y2="70" stroke="#2b2b2b" stroke-width="3"/>` +
      arrow(345, 70, 420) +
      `<line x1="345" y1="195" x2="345" y2="310" stroke="#2b2b2b" stroke-width="3"/>` +
      arrow(345, 310, 420) +
      arrow(740, 195, 860) +
      box(870, 150, 190, 90, '#ffffff', 'Member', 24) +
      `<text x="800" y="180" font-size="18" text-anchor="middle" fill="#555">reply</text>`,
  ),
};

for (const [name, svg] of Object.entries(drawings)) {
  mkdirSync(join(out, name, '..'), { recursive: true });
  const info = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(join(out, name));
  console.log(`${name}: ${info.width}×${info.height}, ${info.size} bytes`);
}
