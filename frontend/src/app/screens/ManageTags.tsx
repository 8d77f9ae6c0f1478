import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { TextField } from '../components/Field';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { TagChip } from '../components/TagChip';
import {
  CreateTagDocument,
  DeleteTagDocument,
  TagsScreenDocument,
  UpdateTagDocument,
  type TagsScreenQuery,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import * as rules from '../validation/rules';
import { can, useReportViewer } from '../viewer';

type Tag = TagsScreenQuery['tags'][number];
const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

export function ManageTags() {
  const { t } = useI18n();
  const [result, reexecute] = useQuery({ query: TagsScreenDocument });
  useReportViewer(result.data?.viewer);
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  useEffect(() => {
    document.title = `${t('tags.title')} · ${t('app.name')}`;
  }, [t]);

  if (!result.data && result.fetching) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const { tags, viewer } = result.data;
  const editable = can(viewer, 'manageTags');
  const say = (text: string, tone: 'info' | 'error' = 'info') => setNotice({ text, tone });

  return (
    <section className="screen tags-screen" aria-labelledby="tags-title">
      <p>
        <Link to="/">← {t('customer.back')}</Link>
      </p>
      <h1 id="tags-title">{t('tags.title')}</h1>
      <p className="muted">{t('tags.intro')}</p>
      {editable && <CreateTag existing={tags.map((x) => x.name)} onDone={say} />}
      <Notice message={notice?.text ?? null} tone={notice?.tone} />
      {tags.length === 0 ? (
        <Empty title={t('tags.empty')} />
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('tags.name')}</th>
              <th scope="col">{t('tags.count')}</th>
              {editable && <th scope="col">{t('tags.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <TagRow key={tag.id} tag={tag} editable={editable} others={tags.filter((x) => x.id !== tag.id).map((x) => x.name)} onDone={say} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function userErrorText(t: ReturnType<typeof useI18n>['t'], errs: readonly UserErrorFieldsFragment[]) {
  const e = errs[0];
  return e ? rules.problemMessage(t, { code: e.code, ...(e.code === 'TOO_LONG' ? { params: { max: 50 } } : {}) }) : null;
}

function CreateTag({ existing, onDone }: { existing: string[]; onDone: (msg: string, tone?: 'info' | 'error') => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[0] ?? '#2563eb');
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateTagDocument);
  const problem = rules.tagName(name, existing);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (problem) return;
    const r = await create({ input: { name: name.trim(), color } });
    const p = r.data?.createTag;
    if (p?.tag) {
      onDone(t('tags.created', { name: p.tag.name }));
      setName('');
      setSubmitted(false);
      setColor(PALETTE[(PALETTE.indexOf(color) + 1) % PALETTE.length] ?? color);
    } else {
      setServerError(userErrorText(t, p?.userErrors ?? []) ?? t('error.INTERNAL'));
    }
  }
  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('tags.create')}>
      <TextField
        label={t('tags.newName')}
        required
        maxLength={50}
        value={name}
        onChange={(v) => {
          setName(v);
          setServerError(null);
        }}
        error={serverError ?? (submitted && problem ? rules.problemMessage(t, problem) : null)}
      />
      <label className="color-field">
        {t('tags.newColor')}
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={fetching}>
        {t('tags.create')}
      </button>
    </form>
  );
}

function TagRow({
  tag,
  editable,
  others,
  onDone,
}: {
  tag: Tag;
  editable: boolean;
  others: string[];
  onDone: (msg: string, tone?: 'info' | 'error') => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  const [, update] = useMutation(UpdateTagDocument);
  const [, remove] = useMutation(DeleteTagDocument);

  async function save(e: FormEvent) {
    e.preventDefault();
    const p = rules.tagName(name, others);
    if (p) return setError(rules.problemMessage(t, p));
    const r = await update({ input: { id: tag.id, version: tag.version, name: name.trim() } });
    const errs = r.data?.updateTag.userErrors ?? [];
    if (r.data?.updateTag.tag) {
      setEditing(false);
      onDone(t('tags.saved'));
    } else setError(userErrorText(t, errs) ?? t('error.INTERNAL'));
  }

  async function recolor(color: string) {
    const r = await update({ input: { id: tag.id, version: tag.version, color } });
    const errs = r.data?.updateTag.userErrors ?? [];
    if (errs.length) onDone(userErrorText(t, errs) ?? '', 'error');
  }

  async function del() {
    if (!window.confirm(t('tags.confirmDelete', { name: tag.name, count: tag.customerCount }))) return;
    const r = await remove({ input: { id: tag.id } });
    const errs = r.data?.deleteTag.userErrors ?? [];
    if (errs.length || r.error) onDone(userErrorText(t, errs) ?? t('error.INTERNAL'), 'error');
    else onDone(t('tags.deleted', { name: tag.name }));
  }

  return (
    <tr>
      <th scope="row">
        {editing ? (
          <form className="inline-form" onSubmit={(e) => void save(e)} noValidate>
            <TextField
              label={t('tags.rename', { name: tag.name })}
              required
              autoFocus
              maxLength={50}
              value={name}
              onChange={(v) => {
                setName(v);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setEditing(false);
                  setName(tag.name);
                }
              }}
              error={error}
            />
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            <button type="button" className="link" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <TagChip name={tag.name} color={tag.color} />
        )}
      </th>
      <td>
        <Link to={`/?tags=${encodeURIComponent(tag.id)}`}>{tag.customerCount}</Link>
      </td>
      {editable && (
        <td className="actions">
          <input type="color" aria-label={t('tags.recolor', { name: tag.name })} value={tag.color} onChange={(e) => void recolor(e.target.value)} />
          <button type="button" className="secondary" aria-label={t('tags.rename', { name: tag.name })} onClick={() => setEditing(true)}>
            {t('tags.renameAction')}
          </button>
          <button type="button" className="danger" aria-label={t('tags.delete', { name: tag.name })} onClick={() => void del()}>
            {t('common.delete')}
          </button>
        </td>
      )}
    </tr>
  );
}
