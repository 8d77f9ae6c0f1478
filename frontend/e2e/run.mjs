// End-to-end tests of the web app against the real server on MariaDB/MySQL (see harness.mjs).
// `npm run e2e` builds the app first. Environment: PARTNERHUB_E2E_ONLY=<regexp> runs some tests;
// PARTNERHUB_E2E_SERVER_BIN uses a prebuilt server; PARTNERHUB_E2E_BASE_URL uses a running one;
// PARTNERHUB_E2E_MYSQL (default mysql://root@127.0.0.1:3306); PARTNERHUB_E2E_CHROMIUM (/usr/bin/chromium).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DEMO_PASSWORD, DEMO_USER, runSuite } from './harness.mjs';
import { firstRow, signIn, table } from './pages.mjs';

const QUIET_MS = 800;

const rowNames = (page) => table(page).locator('tbody th a').allTextContents();
const columnTexts = (page, col) => table(page).locator(`tbody td.col-${col}`).allTextContents();
const total = async (page) => Number((await page.locator('.total').textContent()).replace(/[^\d]/g, ''));

/** Waits until the number of GraphQL requests has not changed for QUIET_MS. */
async function settle(gqlRequests) {
  let n = -1;
  while (n !== gqlRequests.length) {
    n = gqlRequests.length;
    await new Promise((r) => setTimeout(r, QUIET_MS));
  }
}

async function waitForListChange(page, before) {
  await page.waitForFunction(
    (prev) => {
      const names = [...document.querySelectorAll('table tbody th a')].map((a) => a.textContent).join('|');
      const busy = document.querySelector('.table-wrap')?.getAttribute('aria-busy') === 'true';
      const empty = document.querySelector('.state-empty');
      return !busy && (empty || (names && names !== prev));
    },
    before,
  );
}

async function search(page, text) {
  await firstRow(page).waitFor();
  const before = (await rowNames(page)).join('|');
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(text);
  await page.waitForFunction((q) => new URLSearchParams(window.location.search).get('q') === q, text);
  await waitForListChange(page, before);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/** Whether the server has the signIn mutation (until it does, the app falls back to the demo header). */
async function serverHasSignIn(api) {
  const { __type } = await api(`{ __type(name: "Mutation") { fields { name } } }`);
  return __type.fields.some((f) => f.name === 'signIn');
}

test('sign in', async ({ page, context, gqlRequests, api }) => {
  const real = await serverHasSignIn(api);
  console.log(`[e2e]      the server ${real ? 'has signIn: cookie session' : 'has no signIn yet: demo header fallback'}`);
  if (real) {
    // Without the demo flag: only the real sign-in. A wrong password is refused.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Partnerhub' }).waitFor();
    await page.getByLabel('Work email').fill(DEMO_USER);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
  }
  await page.goto('/?demo=1');
  await page.getByRole('heading', { name: 'Sign in to Partnerhub' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/signin/);
  // Validation before anything is sent.
  const before = gqlRequests.length;
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.equal(await page.getByText('This field is required.').count(), 2);
  assert.equal(gqlRequests.length, before);
  await page.getByLabel('Work email').fill(DEMO_USER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.ok((await total(page)) > 500, 'the demo partner has hundreds of customers');
  if (real) {
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.httpOnly), 'an HttpOnly session cookie');
    assert.equal(await page.evaluate(() => localStorage.getItem('partnerhub.demoUser')), null, 'no demo header in use');
  }
  // Signing out goes back to the sign-in screen.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
});

test('search in each script', async ({ page }) => {
  await signIn(page);
  const all = await total(page);
  for (const [query, expected] of [
    ['lodz', 'Łódź'],
    ['societe', 'Société'],
    ['контур', 'Контур'],
  ]) {
    await search(page, query);
    const names = await rowNames(page);
    assert.ok(names.length > 0, `${query}: no rows`);
    assert.ok(names.some((n) => n.includes(expected)), `${query}: expected a name with ${expected}, got ${names.join(', ')}`);
    assert.ok((await total(page)) < all, `${query}: total should shrink`);
    assert.equal(new URL(page.url()).searchParams.get('q'), query);
  }
  await search(page, 'zzzzzzzzqx');
  await page.getByText('No customers match.').waitFor();
});

test('filter by country and verification status', async ({ page }) => {
  await signIn(page);
  const all = await total(page);
  let before = (await rowNames(page)).join('|');
  await page.getByRole('button', { name: /^Country/ }).click();
  await page.getByRole('searchbox', { name: 'Find an option' }).fill('Pola');
  await page.getByRole('checkbox', { name: 'Poland' }).check();
  await page.keyboard.press('Escape');
  await waitForListChange(page, before);
  const countries = await columnTexts(page, 'country');
  assert.ok(countries.length > 0 && countries.every((c) => c === 'Poland'), countries.join(','));
  const poland = await total(page);
  assert.ok(poland < all);

  before = (await rowNames(page)).join('|');
  await page.getByRole('button', { name: /^Verification/ }).click();
  await page.getByRole('checkbox', { name: 'Allowed', exact: true }).check();
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => Number(document.querySelector('.total')?.textContent?.replace(/[^\d]/g, '')) !== n, poland);
  const statuses = await columnTexts(page, 'status');
  assert.ok(statuses.every((s) => s === 'Allowed'), statuses.join(','));
  assert.ok((await total(page)) <= poland);

  // Relationship filter, then clear everything.
  before = (await rowNames(page)).join('|');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction((n) => Number(document.querySelector('.total')?.textContent?.replace(/[^\d]/g, '')) === n, all);
});

test('sort by a column, both ways', async ({ page }) => {
  await signIn(page);
  const names = await rowNames(page);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  assert.equal(names[0]?.[0]?.toUpperCase(), sorted[0]?.[0]?.toUpperCase(), 'company name ascending by default');
  let before = names.join('|');
  await page.getByRole('button', { name: 'Sort by Primary domain' }).click();
  await waitForListChange(page, before);
  let domains = await columnTexts(page, 'domain');
  assert.deepEqual(domains, [...domains].sort());
  assert.equal(await page.locator('th.col-domain').getAttribute('aria-sort'), 'ascending');
  before = (await rowNames(page)).join('|');
  await page.getByRole('button', { name: 'Sort by Primary domain' }).click();
  await waitForListChange(page, before);
  domains = await columnTexts(page, 'domain');
  assert.deepEqual(domains, [...domains].sort().reverse());
  assert.equal(await page.locator('th.col-domain').getAttribute('aria-sort'), 'descending');
  assert.equal(new URL(page.url()).searchParams.get('dir'), 'DESC');
});

test('page through the list with cursors', async ({ page }) => {
  await signIn(page);
  const pages = Math.ceil((await total(page)) / 20);
  await page.getByText(`Page 1 of ${pages}`).waitFor();
  const page1 = await rowNames(page);
  assert.equal(page1.length, 20);
  await page.getByRole('button', { name: 'Next page' }).click();
  await waitForListChange(page, page1.join('|'));
  await page.getByText(`Page 2 of ${pages}`).waitFor();
  const page2 = await rowNames(page);
  assert.equal(page2.length, 20);
  assert.ok(!page2.some((n) => page1.includes(n)) || page2.join() !== page1.join());
  await page.getByRole('button', { name: 'Next page' }).click();
  await waitForListChange(page, page2.join('|'));
  await page.getByText(`Page 3 of ${pages}`).waitFor();
  const page3 = await rowNames(page);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await waitForListChange(page, page3.join('|'));
  await page.getByText(`Page 2 of ${pages}`).waitFor();
  assert.deepEqual(await rowNames(page), page2);
  await page.getByRole('button', { name: 'First page' }).click();
  await waitForListChange(page, page2.join('|'));
  await page.getByText(`Page 1 of ${pages}`).waitFor();
  assert.deepEqual(await rowNames(page), page1);
  // Page size.
  await page.getByLabel('Rows per page').selectOption('50');
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 50);
});

test('tag many customers at once', async ({ page, api }) => {
  const tagName = `E2E bulk ${Date.now()}`;
  const { createTag } = await api(`mutation($n: String!) { createTag(input: {name: $n, color: "#0891b2"}) { tag { id } userErrors { code } } }`, { n: tagName });
  assert.ok(createTag.tag, 'tag created');
  await signIn(page);
  await search(page, 'lodz');
  const names = (await rowNames(page)).slice(0, 3);
  for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}`, exact: true }).check();
  await page.getByText('3 customers selected').waitFor();
  await page.getByRole('button', { name: 'Add tags' }).click();
  const panel = page.getByRole('dialog', { name: 'Add tags to the selected customers' });
  await panel.getByRole('checkbox', { name: tagName }).check();
  await panel.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Tags added to 3 customers.').waitFor();
  for (const n of names) {
    await table(page).locator('tr', { has: page.getByRole('link', { name: n, exact: true }) }).getByText(tagName).waitFor();
  }
  // Filter by the new tag: exactly those three.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.goto(`/?tags=${encodeURIComponent(createTag.tag.id)}`);
  await firstRow(page).waitFor();
  assert.deepEqual((await rowNames(page)).sort(), [...names].sort());
  // And remove it from them again.
  await page.getByRole('checkbox', { name: 'Select every customer on this page' }).check();
  await page.getByRole('button', { name: 'Remove tags' }).click();
  const removePanel = page.getByRole('dialog', { name: 'Remove tags from the selected customers' });
  await removePanel.getByRole('checkbox', { name: tagName }).check();
  await removePanel.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Tags removed from 3 customers.').waitFor();
  await page.getByText('No customers match.').waitFor();
});

test('add a customer, with validation errors shown', async ({ page, api }) => {
  await signIn(page);
  const taken = (await columnTexts(page, 'domain'))[0].replace('.onmicrosoft.com', '');
  await page.getByRole('link', { name: 'Add customer' }).click();
  await page.getByRole('heading', { name: 'Step 1 of 5: Account and domain' }).waitFor();

  // Client-side rules (domain.md §6).
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Fix 2 fields to continue.').waitFor();
  await page.getByLabel(/^Company name/).fill('LLC');
  await page.getByText('The name cannot be only a legal form such as “LLC” or “GmbH”.').waitFor();
  // Availability as you type: a taken domain.
  await page.getByLabel(/^Domain/).fill(taken);
  await page.getByText(`${taken}.onmicrosoft.com is already taken.`).waitFor();

  const suffix = Date.now().toString(36);
  const company = `Wrocław Logistics ${suffix} Sp. z o.o.`;
  await page.getByLabel(/^Company name/).fill(company);
  const prefix = `wroclaw${suffix}`;
  await page.getByLabel(/^Domain/).fill(prefix);
  await page.getByText(`${prefix}.onmicrosoft.com is available.`).waitFor();
  assert.equal(await page.getByLabel(/^Country/).inputValue(), 'PL');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: 'Step 2 of 5: Company and billing address' }).waitFor();
  await page.getByLabel(/^Registration ID/).fill('1234567890');
  await page.getByLabel(/^Address line 1/).fill('ul. Świdnicka 12');
  await page.getByLabel(/^City/).fill('Wrocław');
  await page.getByLabel(/^Postal code/).fill('50068');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Check the registration ID: its format or check digits are not right.').waitFor();
  await page.getByText(/^Use a postal code in the country’s format, such as \d\d-\d\d\d\.$/).waitFor();
  await page.getByText('This field is required.').waitFor(); // phone, required in Poland
  await page.getByLabel(/^Registration ID/).fill('5260001246');
  await page.getByLabel(/^Postal code/).fill('50-068');
  await page.getByLabel(/^Phone number/).fill('+48 71 123 45 67');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: 'Step 3 of 5: Primary contact' }).waitFor();
  await page.getByLabel(/^First name/).fill('Anna');
  await page.getByLabel(/^Last name/).fill('Kowalska');
  await page.getByLabel(/^Email/).fill('anna@microsoft.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Email addresses at microsoft.com are not accepted.').waitFor();
  await page.getByLabel(/^Email/).fill(`anna@${prefix}.pl`);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { name: 'Step 4 of 5: Default GDAP' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /default granular delegated admin/ }).isChecked(), true);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Step 5 of 5: Review' }).waitFor();
  await page.getByText(`${prefix}.onmicrosoft.com`).waitFor();

  // Someone takes the domain meanwhile: the server's TAKEN shows on the domain field, on step 1.
  const raced = await api(
    `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { customer { id } userErrors { field code } } }`,
    {
      in: {
        domainPrefix: prefix, companyName: `Race ${suffix} Sp. z o.o.`, country: 'PL', language: 'pl', culture: 'pl-PL', registrationID: '5260001246',
        billingProfile: { firstName: 'Jan', lastName: 'Nowak', email: `jan@race${suffix}.pl`, culture: 'pl-PL', language: 'pl', addressLine1: 'ul. Długa 1', city: 'Kraków', postalCode: '30-001', country: 'PL', phoneNumber: '+48 12 123 45 67' },
      },
    },
  );
  assert.ok(raced.createCustomer.customer, JSON.stringify(raced.createCustomer.userErrors));
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page.getByText('The customer was not added. Fix the highlighted fields.').waitFor();
  await page.getByRole('heading', { name: 'Step 1 of 5: Account and domain' }).waitFor();
  const domainField = page.getByLabel(/^Domain/);
  assert.equal(await domainField.getAttribute('aria-invalid'), 'true');
  await page.getByText(`${prefix}.onmicrosoft.com is already taken.`).first().waitFor();

  const prefix2 = `${prefix}b`;
  await domainField.fill(prefix2);
  await page.getByText(`${prefix2}.onmicrosoft.com is available.`).waitFor();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Step 5 of 5: Review' }).waitFor();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page.getByRole('heading', { name: `${company} was added` }).waitFor();
  await page.getByRole('link', { name: 'Open the customer' }).click();
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  await page.getByText(`${prefix2}.onmicrosoft.com`).waitFor();
  await page.getByText('Under review').first().waitFor();
  // It is in the list.
  await page.getByRole('link', { name: /All customers/ }).click();
  await search(page, prefix2);
  assert.deepEqual(await rowNames(page), [company]);
});

test('edit the billing profile, including a conflict', async ({ page, api }) => {
  await signIn(page);
  await search(page, 'lodz');
  // A customer Contoso bills directly (Cloud Reseller).
  const row = table(page).locator('tbody tr', { hasText: 'Cloud Reseller' }).first();
  const name = await row.locator('th a').textContent();
  await row.locator('th a').click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());

  await page.getByRole('button', { name: 'Edit billing profile' }).click();
  const form = page.getByRole('form', { name: 'Edit billing profile' });
  // A validation error first.
  await form.getByLabel(/^Email/).fill('not-an-email');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Use a valid email address, such as anna@contoso.com.').waitFor();
  await form.getByLabel(/^Email/).fill(`billing.${Date.now()}@example.pl`);
  const myCity = `Kraków ${Date.now() % 1000}`;
  await form.getByLabel(/^City/).fill(myCity);

  // Someone else saves a change meanwhile.
  const { node } = await api(`query($id: ID!) { node(id: $id) { ... on Customer { billingProfile { version addressLine2 } } } }`, { id });
  const theirLine2 = `piętro ${Date.now() % 100}`;
  const upd = await api(
    `mutation($in: UpdateBillingProfileInput!) { updateBillingProfile(input: $in) { billingProfile { version } userErrors { code } } }`,
    { in: { customerID: id, version: node.billingProfile.version, addressLine2: theirLine2 } },
  );
  assert.ok(upd.updateBillingProfile.billingProfile, JSON.stringify(upd.updateBillingProfile.userErrors));

  await form.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this billing profile' });
  await dialog.waitFor();
  await dialog.getByRole('row', { name: /Address line 2/ }).getByText(theirLine2).waitFor();
  await dialog.getByRole('row', { name: /City/ }).getByText(myCity).waitFor();
  await dialog.getByRole('button', { name: 'Redo my edit on top' }).click();
  await page.getByText('Your edit is applied on top of the latest version. Check it, then save.').waitFor();
  assert.equal(await form.getByLabel(/^Address line 2/).inputValue(), theirLine2);
  assert.equal(await form.getByLabel(/^City/).inputValue(), myCity);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Billing profile saved. The customer is under review again.').waitFor();
  await page.getByText(myCity).first().waitFor();

  const after = await api(`query($id: ID!) { node(id: $id) { ... on Customer { verificationStatus billingProfile { city addressLine2 } } } }`, { id });
  assert.equal(after.node.billingProfile.city, myCity);
  assert.equal(after.node.billingProfile.addressLine2, theirLine2, 'their change is kept');
  assert.equal(after.node.verificationStatus, 'UNDER_REVIEW');
});

test('place an order for a customer, then change the subscription', async ({ page, api }) => {
  // A verified customer Contoso bills directly, preferably one without a confirmed agreement (the form is part of the flow).
  const { customers } = await api(
    `{ customers(first: 100, filter: { verificationStatuses: [ALLOWED], relationshipTypes: [DIRECT_BILL] }) { edges { node { id displayName agreementConfirmed } } } }`,
  );
  const nodes = customers.edges.map((e) => e.node);
  assert.ok(nodes.length > 0, 'an ALLOWED customer');
  const cust = nodes.find((n) => !n.agreementConfirmed) ?? nodes[0];
  const { offers } = await api(`{ offers(catalog: ONLINE_SERVICES) { id name minQuantity maxQuantity active } }`);
  const offer = offers.find((o) => o.active && o.minQuantity <= 1 && o.maxQuantity >= 5);
  assert.ok(offer, 'an orderable offer');
  const searchWord = offer.name.split(/\s+/).pop();

  await signIn(page);
  await search(page, cust.displayName);
  // "New order" on the selected customer.
  await page.getByRole('checkbox', { name: `Select ${cust.displayName}`, exact: true }).first().check();
  await page.getByRole('button', { name: 'New order' }).click();
  await page.getByRole('heading', { name: `New order for ${cust.displayName}`, level: 1 }).waitFor();
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/customers/${cust.id}/order`);

  await page.getByLabel('Catalog').selectOption('ONLINE_SERVICES');
  await page.getByRole('searchbox', { name: 'Search offers' }).fill(searchWord);
  await page.getByRole('button', { name: `Add ${offer.name} to the order`, exact: true }).click();
  const qty = page.getByRole('spinbutton', { name: `Quantity of ${offer.name}`, exact: true });
  await qty.fill('2');
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('heading', { name: 'Review and place the order' }).waitFor();
  await page.getByRole('button', { name: 'Place order' }).click();

  if (!cust.agreementConfirmed) {
    // The server refuses with AGREEMENT_REQUIRED; confirm the agreement inline, then place again.
    // The refusal opens the agreement form by itself.
    const form = page.getByRole('form', { name: 'Confirm the customer agreement' });
    await form.waitFor();
    await page.getByText('The customer agreement must be confirmed before ordering.').waitFor();
    await form.getByLabel(/^Contact first name/).fill('Anna');
    await form.getByLabel(/^Contact last name/).fill('Kowalska');
    await form.getByLabel(/^Contact email/).fill(`anna.${Date.now()}@example.com`);
    await form.getByRole('button', { name: 'Confirm agreement' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Place order' }).click();
  }

  await page.getByText('Order placed: 1 subscription added.').waitFor();
  await page.getByRole('heading', { name: cust.displayName, level: 1 }).waitFor();
  const subs = page.getByRole('region', { name: /^Subscriptions/ });
  const subQty = subs.getByRole('spinbutton', { name: `Quantity of ${offer.name}`, exact: true }).last();
  assert.equal(await subQty.inputValue(), '2');
  await subQty.fill('5');
  await subs.getByRole('button', { name: `Change the quantity of ${offer.name}`, exact: true }).click();
  await subs.getByText('Subscription updated.').waitFor();

  const after = await api(
    `query($id: ID!) { node(id: $id) { ... on Customer { agreementConfirmed subscriptions(first: 100) { edges { node { quantity offer { id } } } } } } }`,
    { id: cust.id },
  );
  assert.equal(after.node.agreementConfirmed, true);
  assert.ok(after.node.subscriptions.edges.some((e) => e.node.offer.id === offer.id && e.node.quantity === 5), 'the new quantity is saved');
});

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line ends). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test('export the customer list as CSV, with progress', async ({ page, api }) => {
  const { customers } = await api(`{ customers(first: 1) { totalCount } }`);
  await signIn(page);
  // The progress bar may come and go within a few frames: record every state it was shown in.
  await page.evaluate(() => {
    window.__exportProgress = [];
    const record = () => {
      const bar = document.querySelector('progress');
      if (!bar) return;
      window.__exportProgress.push({
        role: bar.getAttribute('role') ?? (bar.tagName === 'PROGRESS' ? 'progressbar' : ''),
        label: bar.getAttribute('aria-label'),
        max: bar.getAttribute('max'),
        value: bar.getAttribute('value'),
        text: bar.nextElementSibling?.textContent ?? '',
      });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'Customers.csv');
  const progress = await page.evaluate(() => window.__exportProgress);
  assert.ok(progress.length > 0, 'a progress bar was shown while exporting');
  assert.ok(progress.every((p) => p.role === 'progressbar' && p.label === 'Export progress'), JSON.stringify(progress.slice(0, 3)));
  assert.ok(progress.some((p) => /^Exporting… [\d,]+ of ([\d,]+|…) rows$/.test(p.text)), JSON.stringify(progress.slice(0, 3)));
  const totals = progress.filter((p) => p.max !== null).map((p) => Number(p.max));
  assert.ok(totals.every((t) => t === customers.totalCount), `the bar's maximum is the row count: ${[...new Set(totals)].join(',')}`);
  console.log(`[e2e]      export progress: ${progress.length} states, the last ${JSON.stringify(progress[progress.length - 1])}`);
  await page.locator('progress').waitFor({ state: 'detached' });
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], ['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship', 'Tags']);
  assert.equal(rows.length - 1, customers.totalCount, 'one row per customer');
  await page.getByText(`Exported ${customers.totalCount.toLocaleString('en-GB')} rows to Customers.csv.`).waitFor();
});

test('activity log: filter, then download the same records as CSV', async ({ page, api }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity log' }).click();
  await page.getByRole('heading', { name: 'Activity log', level: 1 }).waitFor();
  await page.getByLabel('Outcome').selectOption('true');
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('succeeded') === 'true');
  const { activityLog } = await api(`{ activityLog(succeeded: true) { totalCount } }`);
  await page.getByText(new RegExp(`^${activityLog.totalCount.toLocaleString('en-GB')} records?$`)).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'Activity.csv');
  const { readFile } = await import('node:fs/promises');
  const rows = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.equal(rows.length - 1, activityLog.totalCount, 'one row per record');
});

test('accept an invitation from its link, then use the app', async ({ page, api }) => {
  const email = `invited.${Date.now()}@contoso-demo.example`;
  const { inviteUser } = await api(
    `mutation($in: InviteUserInput!) { inviteUser(input: $in) { link userErrors { field code } } }`,
    { in: { email, name: 'Invited Agent', roles: ['SALES_AGENT'] } },
  );
  assert.ok(inviteUser.link, JSON.stringify(inviteUser.userErrors));
  const hash = new URL(inviteUser.link, 'http://x').hash;
  assert.match(hash, /token=/);
  await page.goto(`/accept-invitation${hash}`);
  await page.getByRole('heading', { name: 'Join Partnerhub', level: 1 }).waitFor();
  await page.getByLabel(/^New password/).fill('correct horse battery staple');
  await page.getByLabel(/^Repeat the password/).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await page.getByText('Signed in as Invited Agent').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the token is gone from the address');
});

test('request a relationship for another partner’s customer, accepted from its link', async ({ page, context, baseURL, api }) => {
  // A customer of Adatum Direct that Contoso (the signed-in partner) has no relationship with yet.
  const { customers } = await api(
    `{ customers(first: 50, orderBy: [{ field: CREATED_AT, direction: DESC }], filter: { relationshipTypes: [DIRECT_BILL] }) { edges { node { id companyName primaryDomain } } } }`,
    {},
    'admin@adatum-demo.example',
  );
  const { relationshipRequests } = await api(`{ relationshipRequests { primaryDomain } }`);
  let target;
  for (const { node } of customers.edges) {
    if (relationshipRequests.some((r) => r.primaryDomain === node.primaryDomain)) continue;
    const mine = await api(`query($q: String) { customers(search: $q) { totalCount } }`, { q: node.primaryDomain });
    if (mine.customers.totalCount === 0) {
      target = node;
      break;
    }
  }
  assert.ok(target, 'an Adatum customer Contoso does not have');
  const prefix = target.primaryDomain.replace('.onmicrosoft.com', '');

  await signIn(page);
  const opener = page.getByRole('button', { name: 'Request a relationship' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Request a relationship' });
  await dialog.waitFor();
  const domain = dialog.getByRole('textbox', { name: /^Customer’s domain/ });
  assert.equal(await domain.evaluate((el) => el === document.activeElement), true, 'focus is in the dialog');
  // A domain no customer has: the server's NOT_FOUND on the field.
  await domain.fill(`nosuch${Date.now().toString(36)}`);
  await dialog.getByRole('button', { name: 'Create the request' }).click();
  await dialog.getByText(/^No customer has the domain nosuch.*\.onmicrosoft\.com\.$/).waitFor();
  assert.equal(await domain.getAttribute('aria-invalid'), 'true');

  await domain.fill(prefix);
  await dialog.getByRole('checkbox', { name: 'Ask for delegated admin privileges' }).check();
  await dialog.getByRole('button', { name: 'Create the request' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Relationship request link' });
  await linkField.waitFor();
  const link = await linkField.inputValue();
  assert.match(link, /\/accept-relationship#token=/);
  await dialog.getByText(/expires in 90 days/).waitFor();
  await dialog.getByRole('button', { name: 'Copy' }).waitFor();
  await dialog.getByRole('region', { name: 'Your open requests' }).getByText(target.companyName).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus is back on the button');

  // The customer opens the link, without signing in, in another browser.
  const customerContext = await context.browser().newContext({ baseURL, locale: 'en-GB' });
  try {
    const customerPage = await customerContext.newPage();
    const url = new URL(link);
    await customerPage.goto(`${url.pathname}${url.hash}`);
    await customerPage.getByRole('heading', { name: 'Relationship request', level: 1 }).waitFor();
    await customerPage.getByText(`Contoso Cloud Solutions asks to become a partner of ${target.companyName} (${target.primaryDomain}).`).waitFor();
    await customerPage.getByRole('button', { name: 'Accept the request' }).click();
    await customerPage.getByText('Accepted: Contoso Cloud Solutions is now your partner.').waitFor();
  } finally {
    await customerContext.close();
  }

  // Now it is Contoso's customer too: in the list, and on its page with the relationship.
  await search(page, prefix);
  const row = table(page).locator('tbody tr', { hasText: target.primaryDomain });
  await row.getByText('Cloud Reseller').waitFor();
  await row.locator('th a').click();
  const rels = page.getByRole('region', { name: 'Relationships' });
  const rel = rels.getByRole('row', { name: /Cloud Reseller/ });
  await rel.getByText('Active').waitFor();
  assert.equal(await rel.locator('td').nth(2).textContent(), 'Yes', 'delegated admin included');
});

test('users and roles: invite, see the open invitation, change roles', async ({ page, api }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users and roles', level: 1 }).waitFor();
  const stamp = Date.now().toString(36);
  const email = `invitee.${stamp}@example.com`;
  const name = `Ewa Invitee ${stamp.replace(/\d/g, '')}`.trim();
  const form = page.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel(/^Name/).fill(name);
  await form.getByLabel(/^Email/).fill(email);
  await form.getByRole('checkbox', { name: 'Helpdesk agent' }).check();
  await form.getByRole('button', { name: 'Invite' }).click();
  assert.match(await form.getByLabel('Invitation link').inputValue(), /\/accept-invitation#token=/);

  // Listed among the open invitations (the screen's query is asked again).
  const invitations = page.getByRole('region', { name: /^Open invitations/ });
  const invitation = invitations.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await invitation.waitFor();
  await invitation.getByText('Sales agent, Helpdesk agent').waitFor();
  await invitation.getByText(name).waitFor();

  // Change the new user's roles.
  const roles = page.getByRole('group', { name: `Roles of ${name}` });
  await roles.getByRole('checkbox', { name: 'Billing admin' }).check();
  await roles.getByRole('checkbox', { name: 'Helpdesk agent' }).uncheck();
  await roles.getByRole('button', { name: 'Save roles' }).click();
  await page.getByRole('row', { name: new RegExp(name) }).getByText('Saved.').waitFor();
  const { users } = await api(`{ users { email roles } }`);
  assert.deepEqual(users.find((u) => u.email === email)?.roles.sort(), ['BILLING_ADMIN', 'SALES_AGENT']);
  await page.reload();
  await page.getByRole('group', { name: `Roles of ${name}` }).waitFor();
  assert.equal(await page.getByRole('group', { name: `Roles of ${name}` }).getByRole('checkbox', { name: 'Billing admin' }).isChecked(), true);
  assert.equal(await page.getByRole('region', { name: /^Open invitations/ }).getByText(email).count(), 1);
});

/** A verified customer Contoso bills directly, from the end of the list (away from the customers other tests pick). */
async function quietCustomer(api, skip = 0) {
  const { customers } = await api(
    `{ customers(first: 10, orderBy: [{ field: COMPANY_NAME, direction: DESC }], filter: { verificationStatuses: [ALLOWED], relationshipTypes: [DIRECT_BILL] }) { edges { node { id displayName version allowAzureReservations allowAzureSavingsPlan costVisibility } } } }`,
  );
  const node = customers.edges[skip]?.node;
  assert.ok(node, 'a verified Cloud Reseller customer');
  return node;
}

test('edit permissions and cost visibility, including a conflict; kept after a reload', async ({ page, api }) => {
  const cust = await quietCustomer(api, 1);
  await signIn(page);
  await page.goto(`/customers/${encodeURIComponent(cust.id)}`);
  await page.getByRole('heading', { name: cust.displayName, level: 1 }).waitFor();
  const perms = page.getByRole('region', { name: 'Permissions and cost visibility' });
  const savings = perms.getByRole('checkbox', { name: 'Customer may purchase Azure savings plans' });
  const reservations = perms.getByRole('checkbox', { name: 'Customer may purchase Azure reservations' });
  const cost = cust.costVisibility === 'ALLOWED' ? 'NOT_ALLOWED' : 'ALLOWED';
  const costLabel = cost === 'ALLOWED' ? 'Allowed' : 'Not allowed';
  await savings.setChecked(!cust.allowAzureSavingsPlan);
  await perms.getByRole('radio', { name: costLabel, exact: true }).check();
  await perms.getByRole('button', { name: 'Save permissions' }).click();
  await perms.getByText('Permissions saved.').waitFor();

  // Someone else changes the reservations switch meanwhile; my next save is refused with the current values shown.
  const now = await api(`query($id: ID!) { node(id: $id) { ... on Customer { version } } }`, { id: cust.id });
  const theirs = await api(
    `mutation($in: UpdateCustomerPermissionsInput!) { updateCustomerPermissions(input: $in) { customer { version } userErrors { code } } }`,
    { in: { customerID: cust.id, version: now.node.version, allowAzureReservations: !cust.allowAzureReservations } },
  );
  assert.ok(theirs.updateCustomerPermissions.customer, JSON.stringify(theirs.updateCustomerPermissions.userErrors));
  await savings.setChecked(cust.allowAzureSavingsPlan);
  await perms.getByRole('button', { name: 'Save permissions' }).click();
  const alert = perms.getByRole('alert').filter({ hasText: 'Someone else changed these settings' });
  await alert.waitFor();
  await alert.getByText(`Customer may purchase Azure reservations: ${!cust.allowAzureReservations ? 'Yes' : 'No'}`).waitFor();
  await page.waitForFunction((want) => document.querySelector('.perm-form input[type=checkbox]')?.checked === want, !cust.allowAzureReservations);
  assert.equal(await reservations.isChecked(), !cust.allowAzureReservations, 'the current value is shown');

  await page.reload();
  await page.getByRole('heading', { name: cust.displayName, level: 1 }).waitFor();
  assert.equal(await reservations.isChecked(), !cust.allowAzureReservations);
  assert.equal(await savings.isChecked(), !cust.allowAzureSavingsPlan, 'my first save is kept, the refused one is not');
  assert.equal(await perms.getByRole('radio', { name: costLabel, exact: true }).isChecked(), true);
  const after = await api(`query($id: ID!) { node(id: $id) { ... on Customer { allowAzureSavingsPlan costVisibility } } }`, { id: cust.id });
  assert.equal(after.node.allowAzureSavingsPlan, !cust.allowAzureSavingsPlan);
  assert.equal(after.node.costVisibility, cost);
});

test('the customer page shows its recent activity after an edit', async ({ page, api }) => {
  const cust = await quietCustomer(api, 2);
  await signIn(page);
  await page.goto(`/customers/${encodeURIComponent(cust.id)}`);
  await page.getByRole('heading', { name: cust.displayName, level: 1 }).waitFor();
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await activity.waitFor();

  const line2 = `E2E floor ${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Edit billing profile' }).click();
  const form = page.getByRole('form', { name: 'Edit billing profile' });
  await form.getByLabel(/^Address line 2/).fill(line2);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Billing profile saved. The customer is under review again.').waitFor();

  // Without a reload: the edit is the newest record.
  const newest = activity.locator('tbody tr').first();
  await newest.getByText('updateBillingProfile').waitFor();
  await newest.getByText('Succeeded').waitFor();
  await newest.locator('ins', { hasText: line2 }).waitFor();
  await newest.getByText('Mark Palmer').waitFor();

  await page.reload();
  await activity.locator('tbody tr').first().locator('ins', { hasText: line2 }).waitFor();
  await activity.getByRole('link', { name: /^Open in the activity log/ }).click();
  await page.getByRole('heading', { name: 'Activity log', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('customer'), cust.id);
  await page.locator('table tbody tr').first().locator('ins', { hasText: line2 }).waitFor();
});

test('switch language, remembered', async ({ page }) => {
  await signIn(page);
  const switcher = () => page.locator('.lang-switch select');
  await switcher().selectOption('ru');
  await page.getByRole('heading', { name: 'Клиенты', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Страна/ }).waitFor();
  assert.match(await page.locator('.total').textContent(), /клиент/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await page.reload();
  await page.getByRole('heading', { name: 'Клиенты', level: 1 }).waitFor();
  await firstRow(page).waitFor();
  for (const [lang, heading, country] of [
    ['pl', 'Klienci', 'Polska'],
    ['fr', 'Clients', 'Pologne'],
    ['it', 'Clienti', 'Polonia'],
  ]) {
    await switcher().selectOption(lang);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.goto('/?country=PL');
    await table(page).getByText(country).first().waitFor();
  }
  await switcher().selectOption('en');
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
});

test('each screen loads with exactly one GraphQL request', async ({ page, gqlRequests }) => {
  await signIn(page);
  const count = async (load, ready) => {
    await settle(gqlRequests);
    const before = gqlRequests.length;
    await load();
    await ready();
    await settle(gqlRequests);
    return gqlRequests.slice(before);
  };
  const screens = {};
  screens.list = await count(() => page.goto('/'), () => firstRow(page).waitFor());
  const href = await firstRow(page).locator('th a').getAttribute('href');
  // The customer page's recent activity and the users screen's open invitations ride in the same request.
  screens.customer = await count(() => page.goto(href), () => page.getByRole('heading', { name: 'Recent activity' }).waitFor());
  const sentVariables = (r) => `${r?.body ?? ''} ${decodeURIComponent(r?.url ?? '')}`; // queries may go as GET
  assert.match(sentVariables(screens.customer[0]), /"withActivity":true/);
  screens.order = await count(() => page.goto(`${href}/order`), () => page.getByRole('heading', { name: 'Offers' }).waitFor());
  screens.add = await count(() => page.goto('/customers/new'), () => page.getByLabel(/^Company name/).waitFor());
  screens.tags = await count(() => page.goto('/tags'), () => page.getByRole('heading', { name: 'Manage tags', level: 1 }).waitFor());
  screens.activity = await count(() => page.goto('/activity'), () => page.getByRole('heading', { name: 'Activity log', level: 1 }).waitFor());
  screens.users = await count(() => page.goto('/users'), () => page.getByRole('heading', { name: /^Open invitations/ }).waitFor());
  assert.match(sentVariables(screens.users[0]), /"withInvitations":true/);
  // In-app navigation too (the cache may answer; never more than one request).
  await page.goto('/');
  await firstRow(page).waitFor();
  screens.customerInApp = await count(() => firstRow(page).locator('th a').click(), () => page.getByRole('heading', { name: 'Recent activity' }).waitFor());
  for (const [name, reqs] of Object.entries(screens)) {
    const limit = name === 'customerInApp' ? [0, 1] : [1];
    assert.ok(limit.includes(reqs.length), `${name}: ${reqs.length} requests: ${reqs.map((r) => r.url.slice(0, 120)).join(' ; ')}`);
  }
  console.log('[e2e]      requests per screen:', Object.fromEntries(Object.entries(screens).map(([k, v]) => [k, v.length])));
});

/** What has the keyboard focus: its tag and accessible-ish name, for tabTo and its failure message. */
async function focusedElement(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const label = e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || '';
    return `${e.tagName.toLowerCase()} ${label.replace(/\s+/g, ' ').trim().slice(0, 60)}`;
  });
}

/** Presses Tab until the focused element's description matches re (at most max presses). */
async function tabTo(page, re, max = 60) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedElement(page);
    if (re.test(f)) return;
    seen.push(f);
  }
  assert.fail(`Tab never reached ${re}; went through: ${seen.join(' | ')}`);
}

test('keyboard only: sign in, search, tag a selection, open a customer, edit its billing profile and save', async ({ page, api }) => {
  const tagName = `E2E keys ${Date.now()}`;
  const { createTag } = await api(`mutation($n: String!) { createTag(input: {name: $n, color: "#7c3aed"}) { tag { id } } }`, { n: tagName });
  assert.ok(createTag.tag, 'tag created');
  await page.goto('/?demo=1');
  await page.getByRole('heading', { name: 'Sign in to Partnerhub' }).waitFor();
  await tabTo(page, /^input Work email/);
  await page.keyboard.type(DEMO_USER);
  await tabTo(page, /^input Password/, 1);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await firstRow(page).waitFor();

  await tabTo(page, /^input Search customers/);
  const before = (await rowNames(page)).join('|');
  await page.keyboard.type('lodz');
  await waitForListChange(page, before);
  const [name] = await rowNames(page);
  assert.match(name, /Łódź/);
  // Select the first row with Space, then add the tag from the panel, all by keyboard.
  await tabTo(page, new RegExp(`^input Select ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Space');
  await page.getByText('1 customer selected').waitFor();
  await tabTo(page, /^button Add tags/);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Add tags to the selected customers' });
  await panel.waitFor();
  await tabTo(page, new RegExp(`^input ${tagName}`));
  await page.keyboard.press('Space');
  await tabTo(page, /^button Apply/);
  await page.keyboard.press('Enter');
  await page.getByText('Tags added to 1 customer.').waitFor();
  const tagged = await api(`query($t: ID!) { customers(filter: {tagsAny: [$t]}) { edges { node { displayName } } } }`, { t: createTag.tag.id });
  assert.deepEqual(tagged.customers.edges.map((e) => e.node.displayName), [name]);
  await tabTo(page, new RegExp(`^a ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name, level: 1 }).waitFor();

  await tabTo(page, /^button Edit billing profile/);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Edit billing profile' });
  await form.waitFor();
  await tabTo(page, /^input City/);
  const city = `Łódź ${Date.now() % 1000}`;
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(city);
  await tabTo(page, /^button Save/);
  await page.keyboard.press('Enter');
  await form.waitFor({ state: 'detached' });
  await page.getByText(city).first().waitFor();
});

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page and returns its serious and critical violations, one line each. */
async function axeViolations(page) {
  await page.addScriptTag({ path: axeScript });
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}; e.g. ${v.nodes[0]?.target.join(' ')}`);
}

test('every screen passes the axe accessibility checks (no serious or critical violations)', async ({ page }) => {
  const found = {};
  await page.goto('/?demo=1');
  await page.getByRole('heading', { name: 'Sign in to Partnerhub' }).waitFor();
  found.signIn = await axeViolations(page);
  await signIn(page);
  found.list = await axeViolations(page);
  const href = await firstRow(page).locator('th a').getAttribute('href');
  const screens = [
    ['customer', href, () => page.getByRole('heading', { name: 'Recent activity' }).waitFor()],
    ['order', `${href}/order`, () => page.getByRole('heading', { name: 'Offers' }).waitFor()],
    ['addCustomer', '/customers/new', () => page.getByLabel(/^Company name/).waitFor()],
    ['tags', '/tags', () => page.getByRole('heading', { name: 'Manage tags', level: 1 }).waitFor()],
    ['activity', '/activity', () => page.getByRole('heading', { name: 'Activity log', level: 1 }).waitFor()],
    ['users', '/users', () => page.getByRole('heading', { name: /^Open invitations/ }).waitFor()],
  ];
  for (const [name, path, ready] of screens) {
    await page.goto(path);
    await ready();
    found[name] = await axeViolations(page);
  }
  // States within screens: an open form, a dialog, shown validation errors, an empty result.
  await page.goto(href);
  await page.getByRole('button', { name: 'Edit billing profile' }).click();
  await page.getByRole('button', { name: 'Save' }).first().waitFor();
  found.billingEdit = await axeViolations(page);
  await page.goto('/customers/new');
  await page.getByLabel(/^Company name/).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').first().waitFor();
  found.addCustomerErrors = await axeViolations(page);
  await page.goto('/');
  await firstRow(page).waitFor();
  await page.getByRole('button', { name: 'Request a relationship' }).click();
  await page.getByRole('dialog', { name: 'Request a relationship' }).waitFor();
  found.requestDialog = await axeViolations(page);
  await page.goto('/?q=zzzzzzzzzz');
  await page.locator('.state-empty').waitFor();
  found.emptySearch = await axeViolations(page);
  // The public pages, signed out.
  const anon = await page.context().browser().newContext({ baseURL: new URL(page.url()).origin, locale: 'en-GB' });
  const pub = await anon.newPage();
  for (const [name, path] of [['acceptInvitation', '/accept-invitation#token=not-a-token'], ['acceptRelationship', '/accept-relationship#token=not-a-token']]) {
    await pub.goto(path);
    await pub.getByRole('heading', { level: 1 }).waitFor();
    await pub.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined);
    found[name] = await axeViolations(pub);
  }
  await anon.close();
  const failing = Object.entries(found).filter(([, v]) => v.length > 0);
  assert.deepEqual(failing, [], failing.map(([k, v]) => `${k}:\n  ${v.join('\n  ')}`).join('\n'));
  console.log(`[e2e]      axe: ${Object.keys(found).length} screens, no serious or critical violations`);
});

await runSuite(tests);
