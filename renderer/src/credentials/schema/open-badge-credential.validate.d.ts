// Runtime: any (type declarations). The generated validator's shape (Ajv's standalone ValidateFunction).
export interface OpenBadgeSchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export declare const validate: ((data: unknown) => boolean) & { errors?: OpenBadgeSchemaError[] | null };
export default validate;
