import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CopyField } from '../components/CopyField';
import { TextField } from '../components/Field';
import { Empty, ErrorState, Loading, Notice, errorMessage } from '../components/States';
import {
  InviteUserDocument,
  SetUserActiveDocument,
  UpdateUserRolesDocument,
  UsersScreenDocument,
  type InvitationFieldsFragment,
  type Role,
  type UserRowFieldsFragment,
} from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import { useI18n } from '../i18n/I18nProvider';
import * as rules from '../validation/rules';
import { can, refusedField, useMayUse, useReportViewer } from '../viewer';

export const ROLES: readonly Role[] = ['GLOBAL_ADMIN', 'USER_MANAGEMENT_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'BILLING_ADMIN'];

export function Users() {
  const i18n = useI18n();
  const { t } = i18n;
  // Open invitations are part of the screen's one query for those who manage users (only they may list them).
  const mayManage = useMayUse('manageUsers');
  const [invitationsRefused, setInvitationsRefused] = useState(false);
  const withInvitations = mayManage && !invitationsRefused;
  const [result, reexecute] = useQuery({ query: UsersScreenDocument, variables: { withInvitations } });
  const data = result.data;
  useReportViewer(data?.viewer);
  const refused = withInvitations && refusedField(result.error, 'invitations');
  useEffect(() => {
    if (refused) setInvitationsRefused(true);
  }, [refused]);
  useEffect(() => {
    document.title = `${t('users.title')} · ${t('app.name')}`;
  }, [t]);
  if (!data && (result.fetching || refused)) return <Loading />;
  if (!data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const manage = can(data.viewer, 'manageUsers');
  return (
    <section className="screen users-screen" aria-labelledby="users-title">
      <div className="screen-head">
        <h1 id="users-title">{t('users.title')}</h1>
      </div>
      {manage && <InviteForm onInvited={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data.invitations && <Invitations invitations={data.invitations} />}
      {data.users.length === 0 ? (
        <Empty title={t('users.empty')} />
      ) : (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.lastSignIn')}</th>
              <th scope="col">{t('users.active')}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <UserRow key={u.id} u={u} manage={manage} self={u.id === data.viewer.user.id} onConflict={() => reexecute({ requestPolicy: 'network-only' })} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Invitations({ invitations }: { invitations: readonly InvitationFieldsFragment[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="card invitations" aria-labelledby="invitations-h">
      <h2 id="invitations-h">{t('users.invitations', { count: invitations.length })}</h2>
      {invitations.length === 0 ? (
        <p className="muted" role="status">
          {t('users.invitations.none')}
        </p>
      ) : (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.invitations.sent')}</th>
              <th scope="col">{t('users.invitations.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <th scope="row">{inv.email}</th>
                <td>{inv.user.name}</td>
                <td>{inv.roles.map((r) => t(`enum.role.${r}`)).join(', ')}</td>
                <td>{i18n.formatDate(inv.createdAt)}</td>
                <td>{i18n.formatDateTime(inv.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ u, manage, self, onConflict }: { u: UserRowFieldsFragment; manage: boolean; self: boolean; onConflict: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [roles, setRoles] = useState<Role[]>(u.roles);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [rolesState, updateRoles] = useMutation(UpdateUserRolesDocument);
  const [activeState, setActive] = useMutation(SetUserActiveDocument);
  const dirty = [...roles].sort().join() !== [...u.roles].sort().join();
  function outcome(res: { error?: Parameters<typeof errorMessage>[1] }, ue: readonly { code: string }[] | undefined) {
    if (res.error) return setMessage({ text: errorMessage(t, res.error), tone: 'error' });
    const e = ue?.[0];
    if (e) {
      setMessage({ text: rules.problemMessage(t, { code: e.code as never }), tone: 'error' });
      if (e.code === 'CONFLICT') onConflict();
      return;
    }
    setMessage({ text: t('users.saved'), tone: 'info' });
  }
  return (
    <tr>
      <th scope="row">
        {u.name}
        <div className="muted">{u.email}</div>
      </th>
      <td>
        {manage ? (
          <fieldset className="roles">
            <legend className="visually-hidden">{t('users.rolesOf', { name: u.name })}</legend>
            {ROLES.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))} /> {t(`enum.role.${r}`)}
              </label>
            ))}
            {dirty && (
              <button
                type="button"
                className="secondary"
                disabled={rolesState.fetching || roles.length === 0}
                onClick={async () => {
                  const res = await updateRoles({ input: { id: u.id, version: u.version, roles } });
                  outcome(res, res.data?.updateUserRoles.userErrors);
                }}
              >
                {t('users.saveRoles')}
              </button>
            )}
          </fieldset>
        ) : (
          u.roles.map((r) => t(`enum.role.${r}`)).join(', ')
        )}
        {message && <Notice tone={message.tone} message={message.text} />}
      </td>
      <td>{u.lastSignInAt ? i18n.formatDateTime(u.lastSignInAt) : t('users.never')}</td>
      <td>
        {manage && !self ? (
          <label>
            <input
              type="checkbox"
              checked={u.active}
              disabled={activeState.fetching}
              onChange={async (e) => {
                const res = await setActive({ input: { id: u.id, version: u.version, active: e.target.checked } });
                outcome(res, res.data?.setUserActive.userErrors);
              }}
            />{' '}
            <span className="visually-hidden">{t('users.activeOf', { name: u.name })}</span>
            <span aria-hidden="true">{t(u.active ? 'common.yes' : 'common.no')}</span>
          </label>
        ) : (
          t(u.active ? 'common.yes' : 'common.no')
        )}
      </td>
    </tr>
  );
}

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['SALES_AGENT']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [state, invite] = useMutation(InviteUserDocument);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    const errs: Record<string, string> = {};
    const pn = name.trim() ? rules.personName(name) : { code: 'REQUIRED' as const };
    if (pn) errs.name = rules.problemMessage(t, pn);
    const pe = rules.email(email);
    if (pe) errs.email = rules.problemMessage(t, pe);
    if (roles.length === 0) errs.roles = t('userError.REQUIRED');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const res = await invite({ input: { name: name.trim(), email: email.trim(), roles } });
    if (res.error) return setGeneral(errorMessage(t, res.error));
    const ue = res.data?.inviteUser.userErrors ?? [];
    if (ue.length) {
      const next: Record<string, string> = {};
      for (const [path, err] of Object.entries(byField(ue))) {
        const msg = rules.problemMessage(t, { code: err.code });
        if (path === 'name' || path === 'email' || path === 'roles') next[path] = msg;
        else setGeneral(msg);
      }
      setErrors(next);
      return;
    }
    setLink(res.data?.inviteUser.link ?? null);
    setName('');
    setEmail('');
    onInvited();
  }
  return (
    <form className="card invite-form" aria-labelledby="invite-h" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="invite-h">{t('users.invite')}</h2>
      <TextField label={t('users.name')} required value={name} onChange={setName} error={errors.name} autoComplete="off" />
      <TextField label={t('users.email')} required type="email" value={email} onChange={setEmail} error={errors.email} autoComplete="off" />
      <fieldset className="roles" aria-describedby={errors.roles ? 'invite-roles-err' : undefined}>
        <legend>{t('users.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r}>
            <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))} /> {t(`enum.role.${r}`)}
          </label>
        ))}
        {errors.roles && (
          <p className="field-error" id="invite-roles-err">
            {errors.roles}
          </p>
        )}
      </fieldset>
      {general && <Notice tone="error" message={general} />}
      <div className="actions">
        <button type="submit" disabled={state.fetching}>
          {t('users.sendInvite')}
        </button>
      </div>
      {link && (
        <div className="notice" role="status">
          <p>{t('users.linkOnce')}</p>
          <CopyField label={t('users.link')} value={link} />
        </div>
      )}
    </form>
  );
}
