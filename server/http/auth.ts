import type { RequestHandler, Response } from 'express';
import type { Visitor } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { bearerToken, type TokenService } from '../auth/tokens.ts';
import { sendError } from './errors.ts';

/** Rejects requests without a valid visitor token (401); puts the visitor on `res.locals.visitor`. */
export function requireVisitor(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const visitor = await tokens.verify(bearerToken(req.get('authorization')));
    if (!visitor) return sendError(res, ErrorCode.unauthorized, 'a valid visitor token is required (POST /api/session)');
    res.locals.visitor = visitor;
    next();
  };
}

/** The visitor `requireVisitor` authenticated. */
export function visitorOf(res: Response): Visitor {
  return res.locals.visitor as Visitor;
}
