/** The page "Đổi mật khẩu" (/doi-mat-khau): the change form, reached from the user box. */
import { ChangePasswordForm } from './ChangePasswordForm';

export default function ChangePasswordPage() {
  return <ChangePasswordForm />;
}
