import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap limits of the analysis worker (and of the pool that stands for it in
 * scripts/benchCorpus.mjs). Its heap is mostly the short-lived garbage of recognition: a young
 * generation of 16 MB (semi-spaces of 16 MB by default) keeps less of it than the default, and an
 * old generation limited to 1 GB (by default a share of the machine's memory: 4 GB on a machine of
 * 24 GB) is collected sooner, since V8 lets a heap grow in larger steps the larger its limit. At
 * 10,000 articles the bench's pool of two workers peaked at 271-287 MB of RSS with a limit of 64 MB
 * to 1 GB against 326-365 MB without one (load 7-9). The extension's scan of 10,000 articles
 * (its client and two workers, alternating runs, load 2.4-3.2) took a process CPU of 12.3-13.3 s
 * with 16 MB, 13.1-13.3 s with 8, 13.2-15.4 s with 4, 12.3-12.4 s with 32, for a peak RSS of
 * 261-270, 258-262, 258-259 and 296-302 MB; of 100,000 articles 99.0-99.6 s with 16 MB against
 * 103.6 s with 4 (54.4-54.8 s wall against 56.7 s). 1 GB is far above what the longest article
 * takes (analyzed up to 1.5M characters).
 */
export const ANALYSIS_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };
