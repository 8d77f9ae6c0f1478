// Pages opened from links, without signing in: accept an invitation (set a password), accept a
// relationship request. The token is in the URL's fragment (#token=…), so it never reaches server logs.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { TextField } from '../components/Field';
import { ErrorState, Loading, Notice, errorMessage } from '../components/States';
import { ViewerOnlyDocument, AcceptInvitationDocument, AcceptRelationshipRequestDocument, RelationshipRequestScreenDocument } from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { problemMessage } from '../validation/rules';
import type { Viewer } from '../viewer';

export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

export function AcceptInvitation({ onSignedIn }: { onSignedIn: (v: Viewer) => void }) {
  const { t } = useI18n();
  const token = tokenFromHash(window.location.hash);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [state, accept] = useMutation(AcceptInvitationDocument);
  const client = useClient();
  useEffect(() => {
    document.title = `${t('invite.title')} · ${t('app.name')}`;
  }, [t]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    const errs: { password?: string; repeat?: string } = {};
    if (password.length < 12) errs.password = t('userError.minChars', { count: 12 });
    if (repeat !== password) errs.repeat = t('invite.mismatch');
    setErrors(errs);
    if (errs.password || errs.repeat) return;
    const res = await accept({ input: { token, password } });
    if (res.error) return setGeneral(errorMessage(t, res.error));
    const p = res.data?.acceptInvitation;
    const ue = p?.userErrors ?? [];
    if (ue.length || !p?.viewer) {
      const e0 = ue[0];
      if (e0 && (e0.field ?? []).includes('password')) setErrors({ password: problemMessage(t, { code: e0.code }) });
      else setGeneral(e0?.code === 'NOT_FOUND' || e0?.code === 'INVALID' ? t('invite.invalidLink') : e0 ? problemMessage(t, { code: e0.code }) : t('error.INTERNAL'));
      return;
    }
    window.history.replaceState(null, '', window.location.pathname); // forget the token
    // Signed in now (the session cookie is set): the viewer with its partner.
    const v = await client.query(ViewerOnlyDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (v.data?.viewer) onSignedIn(v.data.viewer);
    else setGeneral(errorMessage(t, v.error));
  }
  return (
    <section className="screen signin-screen" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      {!token ? (
        <Notice tone="error" message={t('invite.invalidLink')} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="card">
          <p>{t('invite.intro')}</p>
          <TextField label={t('invite.password')} type="password" autoComplete="new-password" required value={password} onChange={setPassword} error={errors.password} />
          <TextField label={t('invite.repeat')} type="password" autoComplete="new-password" required value={repeat} onChange={setRepeat} error={errors.repeat} />
          {general && <Notice tone="error" message={general} />}
          <div className="actions">
            <button type="submit" disabled={state.fetching}>
              {t('invite.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function AcceptRelationship() {
  const i18n = useI18n();
  const { t } = i18n;
  const token = tokenFromHash(window.location.hash);
  const [result, reexecute] = useQuery({ query: RelationshipRequestScreenDocument, variables: { token }, pause: !token });
  const [state, accept] = useMutation(AcceptRelationshipRequestDocument);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  useEffect(() => {
    document.title = `${t('rel.title')} · ${t('app.name')}`;
  }, [t]);
  if (!token) return <Notice tone="error" message={t('invite.invalidLink')} />;
  if (!result.data && result.fetching) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const req = result.data.relationshipRequest;
  return (
    <section className="screen signin-screen" aria-labelledby="rel-title">
      <h1 id="rel-title">{t('rel.title')}</h1>
      {!req ? (
        <Notice tone="error" message={t('invite.invalidLink')} />
      ) : (
        <div className="card">
          <p>{t('rel.intro', { partner: req.partnerName, customer: req.customerName, domain: req.primaryDomain })}</p>
          <dl>
            <div className="dl-row">
              <dt>{t('rel.type')}</dt>
              <dd>{t(`enum.rel.${req.type}`)}</dd>
            </div>
            <div className="dl-row">
              <dt>{t('rel.delegatedAdmin')}</dt>
              <dd>{t(req.delegatedAdmin ? 'common.yes' : 'common.no')}</dd>
            </div>
            {req.expiresAt && (
              <div className="dl-row">
                <dt>{t('rel.expires')}</dt>
                <dd>{i18n.formatDate(req.expiresAt)}</dd>
              </div>
            )}
          </dl>
          {req.status === 'PENDING' ? (
            <div className="actions">
              <button
                type="button"
                disabled={state.fetching}
                onClick={async () => {
                  const res = await accept({ input: { token } });
                  if (res.error) return setMessage({ text: errorMessage(t, res.error), tone: 'error' });
                  const e0 = res.data?.acceptRelationshipRequest.userErrors[0];
                  if (e0) return setMessage({ text: problemMessage(t, { code: e0.code }), tone: 'error' });
                  setMessage({ text: t('rel.accepted', { partner: req.partnerName }), tone: 'info' });
                }}
              >
                {t('rel.accept')}
              </button>
            </div>
          ) : (
            <p>{t('rel.notPending')}</p>
          )}
          <Notice tone={message?.tone} message={message?.text ?? null} />
        </div>
      )}
    </section>
  );
}
