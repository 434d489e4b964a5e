/** What the poverty API and its screens share beyond the zod inputs (src/modules/poverty/schemas.ts). */

/**
 * Error code (422) of a review workbook without any household: the import only goes ahead when re-sent with
 * `confirmEmpty=true`, the user having confirmed that the commune has no household to list.
 */
export const EMPTY_WORKBOOK = 'empty_workbook';
