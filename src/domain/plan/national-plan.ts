/**
 * The code of the Government's plan of the Program (Decision 1705/QĐ-TTg of 12/10/2021), loaded with the system;
 * new tasks go there unless another plan is chosen.
 */
export const NATIONAL_PLAN_CODE = '1705/QĐ-TTg';
