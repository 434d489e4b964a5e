import { TEST_MODE } from './db';
import { embeddedTemplate, postgresTemplate } from './template';

/** Builds the template database once, before the test workers start. */
export default async function setup() {
  if (TEST_MODE === 'postgres') await postgresTemplate();
  else await embeddedTemplate();
}
