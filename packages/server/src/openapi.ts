import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { cardSettingsOperations } from './admin/card-settings-operations';
import { paymentSettingsOperations } from './admin/payment-operations';
import {
  createDepartmentSchema,
  createStaffSchema,
  grantsSchema,
  settingsSchema,
  updateDepartmentSchema,
  updateStaffSchema,
} from './admin/schemas';
import { auditOperations } from './audit/operations';
import { acceptSchema, passwordSchema, signInSchema, tokenSchema } from './auth/routes';
import { exportOperations } from './exports/routes';
import { fileOperations } from './files/operations';
import { departmentNameOperations } from './forms/department-names';
import { formOperations } from './forms/operations';
import { errorStatus } from './http/errors';
import { submissionOperations } from './submissions/operations';

/** One documented operation of the staff API. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The Hono path (`:id`); written as `{id}` in the document. */
  path: string;
  tag: 'auth' | 'invites' | 'admin' | 'submissions' | 'forms' | 'audit' | 'exports';
  summary: string;
  /** Whether a staff session cookie is needed, and whether it must be a tenant admin's. */
  access: 'public' | 'staff' | 'admin';
  body?: v.GenericSchema;
}

/**
 * Every operation of the staff API. The route-coverage test fails when a registered route is
 * missing here, so the document cannot fall behind the code.
 */
export const staffOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/sign-in',
    tag: 'auth',
    access: 'public',
    summary: 'Sign in with password and, when enrolled, a TOTP code',
    body: signInSchema,
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    tag: 'auth',
    access: 'staff',
    summary: 'End this session',
  },
  {
    method: 'post',
    path: '/api/auth/sign-out-everywhere',
    tag: 'auth',
    access: 'staff',
    summary: 'End every session of the signed-in person',
  },
  {
    method: 'get',
    path: '/api/auth/session',
    tag: 'auth',
    access: 'staff',
    summary: 'The signed-in person, their tenant and grants',
  },
  {
    method: 'post',
    path: '/api/auth/password',
    tag: 'auth',
    access: 'staff',
    summary: 'Change the password; other sessions end',
    body: passwordSchema,
  },
  {
    method: 'post',
    path: '/api/invites/inspect',
    tag: 'invites',
    access: 'public',
    summary: 'What a one-time link is for, with a TOTP secret to enrol',
    body: tokenSchema,
  },
  {
    method: 'post',
    path: '/api/invites/accept',
    tag: 'invites',
    access: 'public',
    summary: 'Accept a one-time link: set the password and second factor',
    body: acceptSchema,
  },
  {
    method: 'get',
    path: '/api/admin/departments',
    tag: 'admin',
    access: 'admin',
    summary: 'List departments (課)',
  },
  {
    method: 'post',
    path: '/api/admin/departments',
    tag: 'admin',
    access: 'admin',
    summary: 'Create a department',
    body: createDepartmentSchema,
  },
  {
    method: 'patch',
    path: '/api/admin/departments/:id',
    tag: 'admin',
    access: 'admin',
    summary: 'Rename a department or change its alert address',
    body: updateDepartmentSchema,
  },
  {
    method: 'post',
    path: '/api/admin/departments/:id/archive',
    tag: 'admin',
    access: 'admin',
    summary: 'Archive a department (its history stays)',
  },
  {
    method: 'get',
    path: '/api/admin/staff',
    tag: 'admin',
    access: 'admin',
    summary: 'List staff accounts with their grants',
  },
  {
    method: 'get',
    path: '/api/admin/staff/:id',
    tag: 'admin',
    access: 'admin',
    summary: 'One staff account',
  },
  {
    method: 'post',
    path: '/api/admin/staff',
    tag: 'admin',
    access: 'admin',
    summary: 'Invite a staff member; returns a one-time link',
    body: createStaffSchema,
  },
  {
    method: 'patch',
    path: '/api/admin/staff/:id',
    tag: 'admin',
    access: 'admin',
    summary: 'Change name, admin flag, expiry or form limits',
    body: updateStaffSchema,
  },
  {
    method: 'post',
    path: '/api/admin/staff/:id/disable',
    tag: 'admin',
    access: 'admin',
    summary: 'Disable an account and end its sessions',
  },
  {
    method: 'post',
    path: '/api/admin/staff/:id/enable',
    tag: 'admin',
    access: 'admin',
    summary: 'Enable a disabled account',
  },
  {
    method: 'post',
    path: '/api/admin/staff/:id/reset-totp',
    tag: 'admin',
    access: 'admin',
    summary: 'Reset the second factor; returns a re-enrolment link',
  },
  {
    method: 'post',
    path: '/api/admin/staff/:id/reinvite',
    tag: 'admin',
    access: 'admin',
    summary: 'Issue a new invitation link to an invited account',
  },
  {
    method: 'put',
    path: '/api/admin/staff/:id/grants',
    tag: 'admin',
    access: 'admin',
    summary: 'Replace the department roles and grants of an account',
    body: grantsSchema,
  },
  {
    method: 'get',
    path: '/api/admin/forms',
    tag: 'admin',
    access: 'admin',
    summary: 'Every form of the tenant (id, title, department, status), to name in form limits',
  },
  {
    method: 'get',
    path: '/api/admin/settings',
    tag: 'admin',
    access: 'admin',
    summary: 'Tenant settings',
  },
  {
    method: 'put',
    path: '/api/admin/settings',
    tag: 'admin',
    access: 'admin',
    summary: 'Change tenant settings',
    body: settingsSchema,
  },
  ...paymentSettingsOperations,
  ...cardSettingsOperations,
  ...submissionOperations,
  ...fileOperations,
  ...exportOperations,
  ...auditOperations,
  ...formOperations,
  ...departmentNameOperations,
];

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorStatus) },
        message: {
          type: 'string',
          description: 'In Japanese, or English when Accept-Language asks for it',
        },
        requestId: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document of the staff API. */
export function staffOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of staffOperations) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...operation.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const errorResponse = {
      description: 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    paths[path] = {
      ...paths[path],
      [operation.method]: {
        tags: [operation.tag],
        summary: operation.summary,
        ...(operation.access === 'public' ? { security: [] } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: toJsonSchema(operation.body, { errorMode: 'ignore' }),
                  },
                },
              },
            }
          : {}),
        responses: {
          '200': { description: 'OK' },
          '400': errorResponse,
          ...(operation.access === 'public' ? {} : { '401': errorResponse }),
          ...(operation.access === 'admin' ? { '403': errorResponse } : {}),
          '404': errorResponse,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Madoguchi staff API',
      version: '0.1.0',
      description:
        'The API of the staff console. Sign in with POST /api/auth/sign-in; the session is an HttpOnly cookie. State-changing requests must be JSON and come from the console’s origin (CSRF).',
    },
    components: {
      securitySchemes: { staffSession: { type: 'apiKey', in: 'cookie', name: 'madoguchi_staff' } },
      schemas: { Error: errorSchema },
    },
    security: [{ staffSession: [] }],
    paths,
  };
}
