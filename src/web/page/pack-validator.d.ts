// The pack schema's validator, generated at build time (web/build.ts packValidatorModule).
declare module 'fazhi:pack-validator' {
  import type { ErrorObject } from 'ajv';
  export const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  export const checkTypes: string[];
}
