import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { viewer } from '../../test/fixtures';
import { ActivityLog } from './ActivityLog';

const entry = {
  id: 'act_1',
  occurredAt: '2026-11-20T10:00:00Z',
  resourceType: 'SUBSCRIPTION',
  resourceID: 'sub_1',
  operation: 'updateSubscription',
  before: { 'subscription.quantity': 2 },
  after: { 'subscription.quantity': 5 },
  succeeded: true,
  errorCode: null,
  errorMessage: null,
  user: { id: 'usr_1', name: 'Mark Palmer' },
  customer: { id: 'cus_1', displayName: 'Wrocław Logistics' },
};

describe('activity log', () => {
  it('loads with one request and shows who changed what, before and after', async () => {
    const { client, sent } = fakeClient(() => ({
      data: { viewer, activityLog: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: entry }] } },
    }));
    await renderWith(<ActivityLog />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Activity log' })).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['ActivityScreen']);
    expect(screen.getByText('updateSubscription')).toBeTruthy();
    expect(screen.getByText('Mark Palmer')).toBeTruthy();
    expect(screen.getByLabelText('Before').textContent).toBe('2');
    expect(screen.getByLabelText('After').textContent).toBe('5');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
  });
  it('has an empty state', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, activityLog: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }));
    await renderWith(<ActivityLog />, client);
    expect(await screen.findByText('No activity matches.')).toBeTruthy();
  });
});
