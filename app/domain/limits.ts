/** Lengths of the people's and groups' fields: the forms' maxlength and the schemas' checks. */
export const LIMITS = {
  email: 254,
  displayName: 80,
  office: 80,
  groupName: 60,
  groupDescription: 2000,
  search: 100,
} as const;
