export * from './document';
export { renderDocumentPdf } from './render';
