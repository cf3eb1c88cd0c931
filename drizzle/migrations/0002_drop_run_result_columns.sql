ALTER TABLE "backtest_runs" DROP COLUMN "stats";--> statement-breakpoint
ALTER TABLE "backtest_runs" DROP COLUMN "trades";--> statement-breakpoint
ALTER TABLE "backtest_runs" DROP COLUMN "equity";