// Runtime: any (pure core). The rubric's three axes, on their own so that code needing only their names
// (the xAPI statements built at start, for one) does not load the pack schema and its validator.
export const AXES = ['tone', 'policy', 'platform'] as const;
export type Axis = (typeof AXES)[number];
