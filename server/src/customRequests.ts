import type { CustomRequestContext } from './customRequestContext';
import { registerExplainRequest } from './logs/explainRequest';
import { registerToolCheck } from './tools/request';

/**
 * Registers the server's custom requests (`linuxAdminConfigs/…`). Each adds one line here and
 * keeps its handler in its own module.
 */
export function registerCustomRequests(ctx: CustomRequestContext): void {
  registerToolCheck(ctx);
  registerExplainRequest(ctx);
}
