import { describe, expect, it } from 'vitest';
import { parseListState, serializeListState, toVariables, withFirstPage } from './listState';

describe('customer list state in the URL', () => {
  it('round-trips', () => {
    const s = parseListState(
      new URLSearchParams('q=lodz&tags=tag_1,tag_2&rel=DIRECT_BILL&status=ALLOWED&country=PL,FR&sort=DOMAIN&dir=DESC&size=50&after=abc&page=2'),
    );
    expect(s).toMatchObject({ q: 'lodz', tags: ['tag_1', 'tag_2'], rel: ['DIRECT_BILL'], country: ['PL', 'FR'], sort: 'DOMAIN', dir: 'DESC', size: 50, page: 2 });
    expect(parseListState(new URLSearchParams(serializeListState(s)))).toEqual(s);
  });

  it('ignores values it does not know', () => {
    const s = parseListState(new URLSearchParams('rel=NOPE&status=X&country=pl&sort=FOO&size=7'));
    expect(s).toMatchObject({ rel: [], status: [], country: [], sort: 'COMPANY_NAME', size: 20 });
  });

  it('builds the query variables: filters, sort and cursor paging', () => {
    const s = parseListState(new URLSearchParams('q= societe &country=FR&before=xyz'));
    expect(toVariables(s)).toEqual({
      search: 'societe',
      filter: { countries: ['FR'] },
      orderBy: [{ field: 'COMPANY_NAME', direction: 'ASC' }],
      last: 20,
      before: 'xyz',
    });
    expect(toVariables(withFirstPage(s))).toMatchObject({ first: 20, after: null });
    expect(toVariables(parseListState(new URLSearchParams(''))).filter).toBeNull();
  });
});
