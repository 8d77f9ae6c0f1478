// Measures the list screen's time to usable (navigation start until the first rows and the search box
// are shown) on the demo data, in headless Chromium against the real server, like the end-to-end tests
// (see harness.mjs for the environment). A measurement, not a test: `npm run measure` (or
// `make bench-web`) prints the figures; the budget is one second.
import { runSuite } from './harness.mjs';
import { firstRow, signIn } from './pages.mjs';

const RUNS = Number(process.env.PARTNERHUB_MEASURE_RUNS ?? 9);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await runSuite([
  {
    name: 'list screen time to usable',
    fn: async ({ page }) => {
      await signIn(page);
      const usable = [];
      const request = [];
      for (let i = 0; i < RUNS; i++) {
        await page.goto('about:blank');
        await page.goto('/');
        await firstRow(page).waitFor();
        await page.getByRole('searchbox', { name: 'Search customers' }).waitFor();
        usable.push(await page.evaluate(() => Math.round(performance.now())));
        request.push(
          await page.evaluate(() =>
            Math.round(performance.getEntriesByType('resource').find((e) => e.name.includes('/graphql'))?.duration ?? -1),
          ),
        );
      }
      console.log(`[measure] list screen, navigation start to rows shown (${RUNS} loads): ${usable.join(', ')} ms`);
      console.log(`[measure]   median ${median(usable)} ms, slowest ${Math.max(...usable)} ms (budget 1,000 ms)`);
      console.log(`[measure]   of which the CustomerList request: median ${median(request)} ms`);
    },
  },
]);
