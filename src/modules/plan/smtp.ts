/**
 * The e-mail outbox's transport: nodemailer over the SMTP server of GIAMNGHEO_SMTP_URL
 * (smtp://user:password@mail.example.vn:587 upgrades with STARTTLS when offered, smtps:// is implicit
 * TLS) with GIAMNGHEO_MAIL_FROM as sender; without a URL the outbox just waits.
 */
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  url: string;
  from: string;
}

export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  if (!env.GIAMNGHEO_SMTP_URL) return null;
  return { url: env.GIAMNGHEO_SMTP_URL, from: env.GIAMNGHEO_MAIL_FROM ?? 'giamngheo@localhost' };
}

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** Sends the mails over one pooled connection; returns per-mail errors (null = sent). */
export async function sendMails(settings: SmtpSettings, mails: Mail[]): Promise<(string | null)[]> {
  // nodemailer reads host, port, TLS mode and credentials from `url`
  const options = { url: settings.url, pool: true, maxConnections: 1 };
  const transport = nodemailer.createTransport(options as Parameters<typeof nodemailer.createTransport>[0]);
  try {
    return await Promise.all(
      mails.map((m) =>
        transport
          .sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.body, textEncoding: 'base64' })
          .then(() => null)
          .catch((e: Error) => `Máy chủ thư từ chối: ${e.message}`),
      ),
    );
  } finally {
    transport.close();
  }
}
