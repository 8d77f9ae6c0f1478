// Page helpers shared by the end-to-end tests (run.mjs) and the web measurement (measure.mjs).
import { DEMO_PASSWORD, DEMO_USER } from './harness.mjs';

export const table = (page) => page.getByRole('table');
export const firstRow = (page) => table(page).locator('tbody tr').first();

/** Signs in through the form (the demo flag lets the app fall back to the demo header if the server has no signIn yet). */
export async function signIn(page, email = DEMO_USER, path = '/') {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}demo=1`);
  await page.getByRole('heading', { name: 'Sign in to Partnerhub' }).waitFor();
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await firstRow(page).waitFor();
}
