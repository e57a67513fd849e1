/**
 * How hard and how long the SIGKILL suites kill. Each keeps a kill count as its goal, and a time budget: once the
 * budget is spent it starts no new kill, lets what runs finish and checks what the kills left. A busy machine gets
 * fewer kills, never the test's timeout, which is the budget plus what the test does around its kills.
 *
 * `npm test` runs the quick plan (a few kills, a budget that holds on a busy 2-core machine); `npm run test:chaos`
 * (KASSA_CHAOS=full) the full one, whose budget is large enough to reach every kill, and there every kill is required.
 */
import { createSeededRandom } from '../../../shared/catalog/seeded-random';

export type ChaosSize = 'quick' | 'full';

export function chaosSize(env: NodeJS.ProcessEnv = process.env): ChaosSize {
  return env.KASSA_CHAOS === 'full' ? 'full' : 'quick';
}

export interface ChaosPlanSize {
  /** Kills wanted. */
  kills: number;
  /** No kill starts once this long has passed since the first. */
  budgetMs: number;
  /**
   * What the test does besides killing (its set-up before, the run that finishes and the checks after), with room
   * for a busy 2-core machine: about twice what it took on one.
   */
  aroundMs: number;
}

/** A size's plan, with whatever else the suite sizes by it (e.g. how many payments it queues). */
export type ChaosPlan<T extends ChaosPlanSize = ChaosPlanSize> = T & {
  size: ChaosSize;
  /** For the test's `timeout`: the budget and what is around it. */
  timeoutMs: number;
  /** A fresh count of kills against this plan. */
  start(): KillBudget;
};

export interface KillBudget {
  readonly goal: number;
  readonly kills: number;
  /** Whether the budget ran out before the goal was reached. */
  readonly spent: boolean;
  /** Whether another kill may start: the goal not reached and time left. */
  more(): boolean;
  killed(): void;
  /** Fewest kills the test accepts: every one in the full run; in a quick run one (a busy machine gets fewer). */
  readonly required: number;
  /** For messages and the log: "7 of 12 kills in 31 s (budget 60 s)". */
  describe(): string;
}

export function chaosPlan<T extends ChaosPlanSize>(sizes: Record<ChaosSize, T>, size: ChaosSize = chaosSize()): ChaosPlan<T> {
  const plan = sizes[size];
  return {
    ...plan,
    size,
    timeoutMs: plan.budgetMs + plan.aroundMs,
    start: () => killBudget(plan, size),
  };
}

function killBudget(plan: ChaosPlanSize, size: ChaosSize): KillBudget {
  let first: number | null = null;
  let kills = 0;
  let spent = false;
  return {
    goal: plan.kills,
    get kills() {
      return kills;
    },
    get spent() {
      return spent;
    },
    more() {
      first ??= Date.now();
      if (kills >= plan.kills) return false;
      spent = Date.now() - first >= plan.budgetMs;
      return !spent;
    },
    killed() {
      kills += 1;
    },
    required: size === 'full' ? plan.kills : Math.min(1, plan.kills),
    describe() {
      const seconds = first === null ? 0 : Math.round((Date.now() - first) / 1000);
      return `${kills} of ${plan.kills} kills in ${seconds} s (budget ${Math.round(plan.budgetMs / 1000)} s, ${size} run)`;
    },
  };
}

/** Says so on the test's output when the budget ran out before the goal: the run was weaker than planned. */
export function reportShortfall(budget: KillBudget, suite: string): void {
  if (budget.spent) console.warn(`${suite}: ${budget.describe()}: the machine was too busy for every planned kill`);
}

/** `count` kill points from 1 to `max` (e.g. "after the n-th reported write"), the same every run for a seed. */
export function killPoints(count: number, max: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => 1 + random.int(max));
}
