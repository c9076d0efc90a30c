import { describe, expect, it } from 'vitest';
import { asYouType } from '../../../src/client/search/as-you-type.ts';

describe('searching as the reader types', () => {
  it('searches at once, and after a running search only once more for the keystrokes it missed', async () => {
    const searched: string[] = [];
    let typed = '';
    let finish: () => void = () => {};
    const onInput = asYouType(async () => {
      searched.push(typed);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    typed = 'p';
    onInput();
    expect(searched).toEqual(['p']); // no timer before the first search
    for (const text of ['pa', 'pay', 'payo']) {
      typed = text;
      onInput();
    }
    expect(searched).toEqual(['p']);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(searched).toEqual(['p', 'payo']); // the last text only
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(searched).toEqual(['p', 'payo']);
  });
});
