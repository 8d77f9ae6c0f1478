import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { demoEnabled, setDemoUser } from '../auth';
import { TextField } from '../components/Field';
import { errorMessage } from '../components/States';
import { SignInDocument, ViewerOnlyDocument } from '../gql/graphql';
import { errorCode } from '../graphql/client';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/en';
import * as rules from '../validation/rules';
import type { Viewer } from '../viewer';

export function SignIn({
  onSignedIn,
  reason,
}: {
  onSignedIn: (viewer: Viewer) => void;
  reason?: 'expired' | 'signedOut' | null;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')}`;
  }, [t]);

  const emailProblem = email.trim() ? (rules.email(email) && { code: 'INVALID' as const, key: 'v.email.invalid' as MessageKey }) : { code: 'REQUIRED' as const };
  const passwordProblem = password ? null : { code: 'REQUIRED' as const };

  /** Demo/dev fallback: the server has no signIn yet (or refuses it) and demo mode is on. */
  async function demoSignIn(): Promise<boolean> {
    if (!demoEnabled()) return false;
    setDemoUser(email.trim());
    const r = await client.query(ViewerOnlyDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (r.data?.viewer) {
      onSignedIn(r.data.viewer);
      return true;
    }
    setDemoUser(null);
    return false;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (emailProblem || passwordProblem) return;
    setBusy(true);
    try {
      const r = await client.mutation(SignInDocument, { input: { email: email.trim(), password } }).toPromise();
      const payload = r.data?.signIn;
      if (payload?.viewer) {
        setDemoUser(null);
        onSignedIn(payload.viewer);
        return;
      }
      if (payload && payload.userErrors.length > 0) {
        const code = payload.userErrors[0]?.code;
        setFailure(code === 'LOCKED' ? t('userError.LOCKED') : t('signIn.failed'));
        return;
      }
      const code = errorCode(r.error);
      if (code !== 'NETWORK' && (await demoSignIn())) return;
      setFailure(errorMessage(t, r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin">
      <h1 ref={heading}>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      {reason === 'signedOut' && <p role="status">{t('signIn.signedOut')}</p>}
      {reason === 'expired' && <p role="status">{t('signIn.expired')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={failure ? 'signin-failure' : undefined}>
        <TextField
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
          error={submitted && emailProblem ? rules.problemMessage(t, emailProblem) : null}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={submitted && passwordProblem ? rules.problemMessage(t, passwordProblem) : null}
        />
        {failure && (
          <p className="form-error" role="alert" id="signin-failure">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        {demoEnabled() && <p className="muted small">{t('signIn.demo')}</p>}
      </form>
    </div>
  );
}
