// A signer's steps on the signer's page in Chromium, as a person takes them: the terms, the
// one-time code from their message, a signature drawn with the mouse, a stamp file, Sign.

import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** A round company stamp with a transparent outside. */
export function stampPng(): Buffer {
  const png = new PNG({ width: 160, height: 160 });
  for (let i = 0; i < png.data.length; i += 4) {
    const x = (i / 4) % 160;
    const y = Math.floor(i / 4 / 160);
    const ring = Math.abs(Math.hypot(x - 80, y - 80) - 60) < 6;
    png.data[i] = ring ? 30 : 255;
    png.data[i + 1] = ring ? 60 : 255;
    png.data[i + 2] = ring ? 170 : 255;
    png.data[i + 3] = ring ? 255 : 0;
  }
  return PNG.sync.write(png);
}

export const linkIn = (text: string): string => {
  const found = /https?:\/\/[^\s]+\/sign\/[A-Za-z0-9_-]{43}/.exec(text);
  if (!found) throw new Error(`no signing link in: ${text.slice(0, 300)}`);
  return found[0];
};

export const codeIn = (text: string): string => {
  const found = /\b(\d{6})\b/.exec(text);
  if (!found?.[1]) throw new Error(`no code in: ${text.slice(0, 300)}`);
  return found[1];
};

/** Opens the link, accepts the terms and enters the code the signer then receives. */
export async function throughCode(page: Page, link: string, nextCode: () => Promise<string>): Promise<void> {
  await page.goto(link);
  await page.getByLabel(/I have read this and agree to sign electronically/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('6-digit code').fill(codeIn(await nextCode()));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('img', { name: /^Page 1 of \d+$/ }).waitFor();
}

/** Chooses Draw and draws a wave across the pad with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  await page.getByLabel('Draw', { exact: true }).check();
  const pad = page.locator('#draw-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox()) as { x: number; y: number; width: number; height: number };
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 24; step++) {
    await page.mouse.move(box.x + 20 + step * 12, box.y + box.height * (0.5 - 0.3 * Math.sin(step / 2)));
  }
  await page.mouse.up();
}

export async function signAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('heading', { name: 'Signed' }).waitFor();
}
