import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap limits of the analysis worker (and of the pool that stands for it in
 * scripts/benchCorpus.mjs). Its heap is mostly the short-lived garbage of recognition: a young
 * generation of 4 MB (16 MB semi-spaces by default) keeps less of it for the same CPU time, and an
 * old generation limited to 1 GB (by default a share of the machine's memory: 4 GB on a machine of
 * 24 GB) is collected sooner, since V8 lets a heap grow in larger steps the larger its limit. At
 * 10,000 articles the bench's pool of two workers peaked at 271-287 MB of RSS with a limit of 64 MB
 * to 1 GB against 326-365 MB without one, in the same CPU time (load 7-9). 1 GB is far above what
 * the longest article takes (analyzed up to 1.5M characters).
 */
export const ANALYSIS_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 1024 };
