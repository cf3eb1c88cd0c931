CREATE TABLE "account_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day_key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"start_equity" double precision,
	"realized_pnl" double precision DEFAULT 0 NOT NULL,
	"floating_pnl" double precision DEFAULT 0 NOT NULL,
	"breached" boolean DEFAULT false NOT NULL,
	"breached_at" timestamp with time zone,
	"breach_reason" text,
	"ended_by" text,
	"ended_at" timestamp with time zone,
	CONSTRAINT "account_days_account_day_started_unique" UNIQUE("account_id","day_key","started_at")
);
--> statement-breakpoint
CREATE TABLE "deployment_commands" (
	"deployment_id" uuid NOT NULL,
	"command_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"command" text NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"acked_at" timestamp with time zone,
	"ack_result" text,
	"ack_message" text,
	CONSTRAINT "deployment_commands_pk" PRIMARY KEY("deployment_id","command_id")
);
--> statement-breakpoint
CREATE TABLE "deployment_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deployment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"reason" text,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "deployment_phases_phase_known" CHECK ("deployment_phases"."phase" in ('preflight', 'handoff', 'confirmation')),
	CONSTRAINT "deployment_phases_status_known" CHECK ("deployment_phases"."status" in ('running', 'passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"lots" double precision NOT NULL,
	"heartbeat_seconds" integer DEFAULT 15 NOT NULL,
	"offline_policy" text DEFAULT 'stop_entries' NOT NULL,
	"offline_minutes" integer DEFAULT 15 NOT NULL,
	"paper_feed" jsonb,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"status_reason" text,
	"halt_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"token_hash" text,
	"token_revoked_at" timestamp with time zone,
	"magic" text,
	"code_hash" text,
	"content_hash" text,
	"handed_off_at" timestamp with time zone,
	"hello_at" timestamp with time zone,
	"hello" jsonb,
	"ready_at" timestamp with time zone,
	"last_heartbeat_at" timestamp with time zone,
	"last_heartbeat" jsonb,
	"heartbeat_count" bigint DEFAULT 0 NOT NULL,
	"activated_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployments_status_known" CHECK ("deployments"."status" in ('PENDING', 'VALIDATING', 'AWAITING_EA', 'ACTIVE', 'STALE', 'STOPPING', 'STOPPED', 'FAILED')),
	CONSTRAINT "deployments_lots_positive" CHECK ("deployments"."lots" > 0)
);
--> statement-breakpoint
CREATE TABLE "guardrails" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"max_daily_loss_kind" text NOT NULL,
	"max_daily_loss" double precision NOT NULL,
	"max_positions" integer NOT NULL,
	"max_correlation" double precision NOT NULL,
	"correlation_lookback_days" integer DEFAULT 90 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardrails_loss_kind_known" CHECK ("guardrails"."max_daily_loss_kind" in ('money', 'percent')),
	CONSTRAINT "guardrails_loss_positive" CHECK ("guardrails"."max_daily_loss" > 0),
	CONSTRAINT "guardrails_positions_positive" CHECK ("guardrails"."max_positions" >= 1),
	CONSTRAINT "guardrails_correlation_range" CHECK ("guardrails"."max_correlation" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "kill_switches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text DEFAULT 'TRIGGERED' NOT NULL,
	"reason" text NOT NULL,
	"close_positions" boolean NOT NULL,
	"revoke_tokens" boolean NOT NULL,
	"triggered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	CONSTRAINT "kill_switches_state_known" CHECK ("kill_switches"."state" in ('TRIGGERED', 'RESOLVED'))
);
--> statement-breakpoint
CREATE TABLE "trade_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"deployment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deal" text,
	"key" text,
	"order_ticket" text,
	"position_ticket" text,
	"time_msc" double precision NOT NULL,
	"symbol" text NOT NULL,
	"type" text NOT NULL,
	"entry" text,
	"reason" text,
	"volume" double precision NOT NULL,
	"price" double precision,
	"requested_price" double precision,
	"slippage_points" double precision,
	"spread_points" integer,
	"latency_ms" double precision,
	"retcode" integer,
	"failure_reason" text,
	"profit" double precision DEFAULT 0 NOT NULL,
	"commission" double precision DEFAULT 0 NOT NULL,
	"swap" double precision DEFAULT 0 NOT NULL,
	"fee" double precision DEFAULT 0 NOT NULL,
	"comment" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_logs_kind_known" CHECK ("trade_logs"."kind" in ('deal', 'rejected')),
	CONSTRAINT "trade_logs_identity" CHECK (("trade_logs"."kind" = 'deal' and "trade_logs"."deal" is not null) or ("trade_logs"."kind" = 'rejected' and "trade_logs"."key" is not null))
);
--> statement-breakpoint
CREATE TABLE "trading_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"broker" text NOT NULL,
	"server" text NOT NULL,
	"login" text NOT NULL,
	"margin_mode" text NOT NULL,
	"currency" text NOT NULL,
	"day_time_zone" text DEFAULT 'UTC' NOT NULL,
	"initial_balance" double precision DEFAULT 10000 NOT NULL,
	"symbols" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"connector_token_hash" text,
	"terminal_seen_at" timestamp with time zone,
	"terminal_info" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trading_accounts_kind_known" CHECK ("trading_accounts"."kind" in ('live', 'paper')),
	CONSTRAINT "trading_accounts_margin_known" CHECK ("trading_accounts"."margin_mode" in ('netting', 'hedging')),
	CONSTRAINT "trading_accounts_login_digits" CHECK ("trading_accounts"."login" ~ '^[0-9]{1,20}$')
);
--> statement-breakpoint
ALTER TABLE "robot_events" ALTER COLUMN "strategy_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "robot_events" ADD COLUMN "deployment_id" uuid;--> statement-breakpoint
ALTER TABLE "robot_events" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "account_days" ADD CONSTRAINT "account_days_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_days" ADD CONSTRAINT "account_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_commands" ADD CONSTRAINT "deployment_commands_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_commands" ADD CONSTRAINT "deployment_commands_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_phases" ADD CONSTRAINT "deployment_phases_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_phases" ADD CONSTRAINT "deployment_phases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_version_id_strategy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."strategy_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrails" ADD CONSTRAINT "guardrails_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardrails" ADD CONSTRAINT "guardrails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kill_switches" ADD CONSTRAINT "kill_switches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_logs" ADD CONSTRAINT "trade_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_logs" ADD CONSTRAINT "trade_logs_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_logs" ADD CONSTRAINT "trade_logs_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD CONSTRAINT "trading_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_days_account_started_idx" ON "account_days" USING btree ("account_id","started_at");--> statement-breakpoint
CREATE INDEX "deployment_commands_user_idx" ON "deployment_commands" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "deployment_phases_deployment_idx" ON "deployment_phases" USING btree ("deployment_id","started_at");--> statement-breakpoint
CREATE INDEX "deployments_user_created_idx" ON "deployments" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "deployments_account_status_idx" ON "deployments" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "deployments_status_heartbeat_idx" ON "deployments" USING btree ("status","last_heartbeat_at");--> statement-breakpoint
CREATE INDEX "guardrails_user_idx" ON "guardrails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kill_switches_user_triggered_idx" ON "kill_switches" USING btree ("user_id","triggered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kill_switches_one_triggered_per_user" ON "kill_switches" USING btree ("user_id") WHERE "kill_switches"."state" = 'TRIGGERED';--> statement-breakpoint
CREATE UNIQUE INDEX "trade_logs_deployment_deal_unique" ON "trade_logs" USING btree ("deployment_id","deal") WHERE "trade_logs"."deal" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_logs_deployment_key_unique" ON "trade_logs" USING btree ("deployment_id","key") WHERE "trade_logs"."key" is not null;--> statement-breakpoint
CREATE INDEX "trade_logs_deployment_time_idx" ON "trade_logs" USING btree ("deployment_id","time_msc");--> statement-breakpoint
CREATE INDEX "trade_logs_account_time_idx" ON "trade_logs" USING btree ("account_id","time_msc");--> statement-breakpoint
CREATE INDEX "trading_accounts_user_idx" ON "trading_accounts" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "robot_events" ADD CONSTRAINT "robot_events_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "robot_events" ADD CONSTRAINT "robot_events_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "robot_events_user_seq_idx" ON "robot_events" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "robot_events_deployment_seq_idx" ON "robot_events" USING btree ("deployment_id","seq");