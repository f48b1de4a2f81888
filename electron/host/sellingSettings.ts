import { z } from 'zod';
import { parseScaleFormat } from '../../shared/selling/scale';
import { DEFAULT_LIMITS, LimitsSchema } from '../services/limits';

const scalePattern = z.string().superRefine((p, ctx) => {
  try {
    parseScaleFormat(p);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

/** The settings.json keys selling adds (spread into SettingsSchema in config.ts). */
export const sellingSettings = {
  /** The shop's scale label formats (docs/scale-barcodes.md); default 大华/顶尖 price labels. */
  scaleBarcodes: z.array(scalePattern).max(4).default(['2FPPPPPEEEEEC']),
  limits: LimitsSchema.default(DEFAULT_LIMITS),
  /** The customer display (客显): a second window on a second screen, when there is one. */
  customerDisplay: z.enum(['auto', 'off']).default('auto'),
};
