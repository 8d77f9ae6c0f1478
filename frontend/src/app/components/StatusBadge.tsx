import type { CustomerVerificationStatus } from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';

export function StatusBadge({ status }: { status: CustomerVerificationStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`enum.status.${status}`)}</span>;
}
