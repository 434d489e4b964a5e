/**
 * A Vietnamese text that has no official English: a target's legal wording, a name a province typed. On the
 * English screens it is shown as a quotation marked Vietnamese rather than translated by us, so nobody reads our
 * wording as the law's; on the Vietnamese screens it is plain text.
 */
import { currentLanguage } from '../i18n';

export function ViText({ text }: { text: string }) {
  return currentLanguage() === 'vi' ? <>{text}</> : <q lang="vi">{text}</q>;
}
