CREATE TABLE "backtest_results" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"stats" jsonb NOT NULL,
	"regimes" jsonb NOT NULL,
	"risk_score" jsonb NOT NULL,
	"equity_display" jsonb NOT NULL,
	"equity_full" "bytea" NOT NULL,
	"trades" jsonb NOT NULL,
	"trade_count" integer NOT NULL,
	"stop_reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "build_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "build_tasks_progress_range" CHECK ("build_tasks"."progress" between 0 and 100),
	CONSTRAINT "build_tasks_status_known" CHECK ("build_tasks"."status" in ('PENDING', 'BUILDING', 'FAILED', 'COMPLETE'))
);
--> statement-breakpoint
CREATE TABLE "dataset_bars" (
	"dataset_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"time" "bytea" NOT NULL,
	"open" "bytea" NOT NULL,
	"high" "bytea" NOT NULL,
	"low" "bytea" NOT NULL,
	"close" "bytea" NOT NULL,
	"tick_volume" "bytea" NOT NULL,
	"spread" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text,
	"bar_count" integer NOT NULL,
	"first_time" double precision NOT NULL,
	"last_time" double precision NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"client_ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "robot_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"user_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"type" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "robot_events_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "backtest_runs" DROP CONSTRAINT "backtest_runs_status_known";--> statement-breakpoint
ALTER TABLE "strategy_versions" ALTER COLUMN "schema_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_versions" ALTER COLUMN "graph" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_versions" ALTER COLUMN "mql5_source" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD COLUMN "dataset_id" uuid;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD COLUMN "attempt" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "strategies" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD COLUMN "restored_from_version_id" uuid;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD COLUMN "kind" text DEFAULT 'graph' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "backtest_results" ADD CONSTRAINT "backtest_results_run_id_backtest_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."backtest_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_results" ADD CONSTRAINT "backtest_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "build_tasks" ADD CONSTRAINT "build_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "build_tasks" ADD CONSTRAINT "build_tasks_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "build_tasks" ADD CONSTRAINT "build_tasks_version_id_strategy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."strategy_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_bars" ADD CONSTRAINT "dataset_bars_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_bars" ADD CONSTRAINT "dataset_bars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "robot_events" ADD CONSTRAINT "robot_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "robot_events" ADD CONSTRAINT "robot_events_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "build_tasks_strategy_created_idx" ON "build_tasks" USING btree ("strategy_id","created_at");--> statement-breakpoint
CREATE INDEX "datasets_user_created_idx" ON "datasets" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("client_ip","created_at");--> statement-breakpoint
CREATE INDEX "robot_events_strategy_seq_idx" ON "robot_events" USING btree ("strategy_id","seq");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_restored_from_version_id_strategy_versions_id_fk" FOREIGN KEY ("restored_from_version_id") REFERENCES "public"."strategy_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtest_runs_strategy_created_idx" ON "backtest_runs" USING btree ("strategy_id","created_at");--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_status_known" CHECK ("backtest_runs"."status" in ('queued', 'running', 'completed', 'failed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_kind_shape" CHECK (("strategy_versions"."kind" = 'graph' and "strategy_versions"."graph" is not null and "strategy_versions"."mql5_source" is not null) or ("strategy_versions"."kind" = 'code' and "strategy_versions"."graph" is null));--> statement-breakpoint
-- Hand-written (drizzle-kit does not model column storage): bars and full equity curves are raw
-- Float64 bytes that barely compress, and EXTERNAL storage lets substring() read a range of bars
-- without decompressing the whole column.
ALTER TABLE "dataset_bars" ALTER COLUMN "time" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "open" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "high" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "low" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "close" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "tick_volume" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "dataset_bars" ALTER COLUMN "spread" SET STORAGE EXTERNAL;
